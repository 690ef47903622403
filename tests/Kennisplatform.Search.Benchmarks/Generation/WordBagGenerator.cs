using Kennisplatform.Search.Indexing;

namespace Kennisplatform.Search.Benchmarks.Generation;

/// <summary>
/// The first generator, kept to compare with: items made from loose words of the first relevance corpus. Each item
/// grows from one corpus item, taking 60% of its words from it and the rest from the whole corpus. Its items are word
/// salad of fixed lengths with a small vocabulary, which flatters search speed (see docs/benchmarks.md).
/// </summary>
public sealed class WordBagGenerator : IItemGenerator
{
    private const double TopicShare = 0.6;
    private static readonly string[] Types = ["praktijkvoorbeeld", "praktijkvoorbeeld", "praktijkvoorbeeld", "interventie", "wijkschakelaar", "bijeenkomst", "instrument"];
    private static readonly string[] Themes = ["veiligheid", "gezondheid-en-vitaliteit", "wonen-en-leefomgeving", "werk-en-economie", "sociale-samenhang-en-participatie", "armoede-en-schulden", "jeugd-en-onderwijs", "eenzaamheid", "taal-en-integratie", "digitale-inclusie"];
    private static readonly string[] Outcomes = ["geslaagd", "deels", "mislukt", "te-vroeg"];
    private static readonly string[] Places = ["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen", "Arnhem", "Zwolle", "Leeuwarden", "Heerlen", "Enschede", "Lelystad", "Deventer", "Schiedam", "Emmen", "Den Helder"];

    private readonly Random random;
    private readonly string[] all;
    private readonly string[][] topics;

    public WordBagGenerator(IReadOnlyList<CorpusItem> corpus, int seed)
    {
        random = new Random(seed);
        topics = corpus.Select(c => Split($"{c.Title} {c.Summary} {c.Body} {c.Tags}")).ToArray();
        all = topics.SelectMany(t => t).ToArray();
    }

    private static string[] Split(string text) =>
        text.Split([' ', ',', '.', ':', ';', '?', '!', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2).Select(w => w.ToLowerInvariant()).ToArray();

    private string Words(string[] topic, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, random.Next(min, max))
            .Select(_ => random.NextDouble() < TopicShare ? topic[random.Next(topic.Length)] : all[random.Next(all.Length)]));

    public SearchDocument Next(int id)
    {
        var topic = topics[random.Next(topics.Length)];
        var type = Types[random.Next(Types.Length)];
        var title = Words(topic, 4, 9);
        return new SearchDocument
        {
            Id = id, Type = type, Slug = $"item-{id}", Url = $"/x/item-{id}",
            Title = char.ToUpperInvariant(title[0]) + title[1..],
            Summary = Words(topic, 12, 25) + ".",
            Body = string.Join(". ", Enumerable.Range(0, random.Next(6, 16)).Select(_ => Words(topic, 8, 16))) + ".",
            Tags = Words(topic, 2, 5),
            Themes = Themes.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList(),
            Outcome = type == "praktijkvoorbeeld" ? Outcomes[random.Next(Outcomes.Length)] : null,
            Evidence = type == "interventie" ? "goed-beschreven" : null,
            Municipality = Places[random.Next(Places.Length)],
            Published = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 3_000_000)),
        };
    }

    /// <summary>One to three words about one topic, as a person would search.</summary>
    public string Query()
    {
        var topic = topics[random.Next(topics.Length)];
        return string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => topic[random.Next(topic.Length)]));
    }
}
