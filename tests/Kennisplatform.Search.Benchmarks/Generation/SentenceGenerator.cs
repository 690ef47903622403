using System.Text.RegularExpressions;
using Kennisplatform.Search.Indexing;

namespace Kennisplatform.Search.Benchmarks.Generation;

/// <summary>
/// Items made of real sentences. Each item grows from one real item (a seed content file or a judged corpus item): it
/// keeps that item's type, themes, outcome and evidence, takes a title and summary from it or from an item on the same
/// theme, keeps a case's lessons (what did not work, what to do differently) in their own field, and fills its body
/// with sentences from it, from items on the same theme and from anywhere, until it is as
/// long as a seed content item of that type (lengths drawn from the seed content). A real collection keeps finding new
/// words as it grows; resampled sentences would not, so places, first names and numbers are varied and some compounds
/// get another first part (buurtkamer → wijkkamer, jongerenkamer), which keeps the share of compounds while the
/// vocabulary grows. <see cref="TextStats"/> checks the result against the real text.
/// </summary>
public sealed partial class SentenceGenerator : IItemGenerator
{
    // How words are varied, set with generator-check: a rare compound (at most twice in all real text) always gets
    // another first part, another compound one time in ten, and a rare simple word is replaced by a new compound one
    // time in ten. Together they bring the vocabulary at the size of the real text to about nine tenths of the real
    // one, while the share of compounds stays near the real text's. More variation grows the vocabulary further but
    // turns too many simple words into compounds and makes the common compounds people search for too rare.
    private const double CompoundVariation = 0.1;
    private const double RareVariation = 0.1;

    private readonly Random random;
    private readonly IReadOnlyList<SourceItem> sources;
    private readonly Dictionary<string, List<SourceItem>> byTheme;
    private readonly Dictionary<string, int[]> lengthsByType;
    private readonly int[] allLengths;
    private readonly Compounds compounds;
    private readonly string[] modifiers;
    private readonly string[] heads;
    private readonly HashSet<string> rare;
    private readonly Regex placePattern;

    public SentenceGenerator(IReadOnlyList<SourceItem> sources, IReadOnlyList<SourceItem> seedContent, Compounds compounds, int seed)
    {
        random = new Random(seed);
        this.sources = sources;
        this.compounds = compounds;
        byTheme = sources.SelectMany(s => s.Themes.Select(t => (t, s))).GroupBy(p => p.t).ToDictionary(g => g.Key, g => g.Select(p => p.s).ToList());
        allLengths = seedContent.Select(s => s.WordCount).ToArray();
        lengthsByType = seedContent.GroupBy(s => s.Type).Where(g => g.Count() >= 3).ToDictionary(g => g.Key, g => g.Select(s => s.WordCount).ToArray());
        modifiers = sources.SelectMany(s => SourceText.Words(s.Prose))
            .Select(w => compounds.Split(w)?.Modifier).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
        heads = sources.SelectMany(s => SourceText.Words(s.Prose))
            .Select(w => compounds.Split(w)?.Head).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
        rare = sources.SelectMany(s => SourceText.Words(s.Prose)).Where(w => w.Length >= 5)
            .GroupBy(w => w).Where(g => g.Count() <= 2).Select(g => g.Key).ToHashSet();
        var knownPlaces = Places.Concat(NamedPlaces).Distinct().OrderByDescending(p => p.Length).Select(Regex.Escape);
        placePattern = new Regex($@"\b(?:{string.Join("|", knownPlaces)})\b", RegexOptions.CultureInvariant);
    }

    public SearchDocument Next(int id)
    {
        var source = sources[random.Next(sources.Count)];
        var related = source.Themes.Count == 0 ? sources : byTheme[source.Themes[random.Next(source.Themes.Count)]];
        var place = Places[random.Next(Places.Length)];
        var title = Vary(random.NextDouble() < 0.6 ? source.Title : Pick(related).Title, place);
        var summary = Vary(random.NextDouble() < 0.6 ? source.Summary : Pick(related).Summary, place);
        var tags = Vary(source.Tags, place);
        // A case keeps its own lessons apart from the body, as the site does.
        var lessons = string.Join(" ", source.Lessons.Select(l => Vary(l, place)));
        var lengths = lengthsByType.GetValueOrDefault(source.Type, allLengths);
        var target = lengths[random.Next(lengths.Length)];
        var words = SourceText.Words($"{title} {summary} {lessons} {tags}").Count;
        var body = new List<string>();
        var next = 0;
        while (words < target)
        {
            var roll = random.NextDouble();
            var sentence = roll < 0.5 && next < source.Sentences.Count ? source.Sentences[next++]
                : roll < 0.85 ? PickSentence(related) : PickSentence(sources);
            sentence = Vary(sentence, place);
            var added = SourceText.Words(sentence).Count;
            if (words + added > target && target - words < added / 2) break; // closer to the target without it
            body.Add(sentence);
            words += added;
        }
        var outcome = source.Type == "praktijkvoorbeeld" ? Outcome(source.Tags) : null;
        return new SearchDocument
        {
            Id = id, Type = source.Type, Slug = $"item-{id}", Url = $"/x/item-{id}",
            Title = title, Summary = summary, Body = string.Join(" ", body), Lessons = lessons, Tags = tags,
            Themes = source.Themes, Outcome = outcome,
            Evidence = source.Type == "interventie" ? "goed-beschreven" : null,
            Municipality = source.Type is "praktijkvoorbeeld" or "bijeenkomst" ? place : null,
            Neighbourhood = source.Type == "praktijkvoorbeeld" && random.Next(2) == 0 ? NamedPlaces[random.Next(NamedPlaces.Length)] : null,
            Published = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 3_000_000)),
        };
    }

    private SourceItem Pick(IReadOnlyList<SourceItem> items) => items[random.Next(items.Count)];

    private string PickSentence(IReadOnlyList<SourceItem> items)
    {
        for (var tries = 0; ; tries++)
        {
            var item = Pick(items);
            if (item.Sentences.Count > 0 || tries > 20) return item.Sentences.Count > 0 ? item.Sentences[random.Next(item.Sentences.Count)] : item.Summary;
        }
    }

    private static string? Outcome(string tags) =>
        tags.Contains("deels") ? "deels" : tags.Contains("mislukt") ? "mislukt" : tags.Contains("te vroeg") || tags.Contains("te-vroeg") ? "te-vroeg" : "geslaagd";

    private string Vary(string text, string place)
    {
        text = placePattern.Replace(text, place);
        text = Number().Replace(text, m => random.Next((int)Math.Pow(10, m.Length - 1), (int)Math.Pow(10, m.Length)).ToString());
        text = FirstName().Replace(text, m => FirstNames[random.Next(FirstNames.Length)] + m.Groups[1].Value);
        return Word().Replace(text, m =>
        {
            var lower = m.Value.ToLowerInvariant();
            var parts = compounds.Split(lower);
            string word;
            if (rare.Contains(lower) && random.NextDouble() < (parts is null ? RareVariation : 1))
                word = modifiers[random.Next(modifiers.Length)] + (parts?.Head ?? heads[random.Next(heads.Length)]);
            else if (parts is { } p && random.NextDouble() < CompoundVariation)
            {
                var modifier = modifiers[random.Next(modifiers.Length)];
                word = modifier + (p.Link == "" || modifier.EndsWith('s') || modifier.EndsWith("en") ? "" : p.Link) + p.Head;
            }
            else
                return m.Value;
            return char.IsUpper(m.Value[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
        });
    }

    [GeneratedRegex(@"(?<![\d.,])\d{1,6}(?![\d.,])")]
    private static partial Regex Number();

    // A name that opens a connector's title ("Ans, mantelzorgconsulent").
    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(,)")]
    private static partial Regex FirstName();

    [GeneratedRegex(@"\p{L}{5,}")]
    private static partial Regex Word();

    private static readonly string[] FirstNames =
    [
        "Ans", "Bert", "Fatima", "Henk", "Priya", "Joost", "Mehmet", "Linda", "Karim", "Sandra", "Yonas", "Esther", "Gerrit", "Ria",
        "Hanneke", "Wim", "Jolanda", "Fleur", "Abdel", "Tanja", "Kees", "Samira", "Pieter", "Marieke", "Ahmed", "Sevda", "Dirk",
        "Noor", "Mohamed", "Anouk", "Johan", "Nadia", "Ruud", "Yasmina", "Thijs", "Ingrid", "Erik", "Latifa", "Koen", "Mirjam",
    ];

    private static readonly string[] NamedPlaces =
    [
        "Holtenbroek", "Vinkhuizen", "Selwerd", "Transvaal", "Velve-Lindenhof", "Crabbehof", "Stokhasselt", "Venlo-Oost", "Nieuwland",
        "Charlois", "Dukenburg", "Kanaleneiland", "Poelenburg", "Malburgen", "Malberg", "Schalkwijk", "Korte Akkeren", "Moerwijk",
        "Zuilen", "Delfshaven", "Woensel-West", "Oosterparkwijk", "Nieuw-West", "Zuidoost", "Doornakkers", "Overvecht", "Feijenoord",
        "Schilderswijk", "Meezenbroek", "Hillesluis", "Beijum", "Heechterp", "Tarwewijk", "Kruiskamp", "Groenewoud", "Presikhaaf",
        "Rivierenwijk", "De Linde", "Venserpolder", "Heechterp-Schieringen", "Ommoord", "Leidsche Rijn", "Rosmolenwijk", "Wielwijk",
    ];

    private static readonly string[] Places =
    [
        "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen",
        "Apeldoorn", "Arnhem", "Haarlem", "Enschede", "Amersfoort", "Zaanstad", "Den Bosch", "Haarlemmermeer", "Zwolle", "Zoetermeer",
        "Leiden", "Leeuwarden", "Maastricht", "Dordrecht", "Ede", "Alphen aan den Rijn", "Westland", "Alkmaar", "Emmen", "Delft",
        "Venlo", "Deventer", "Sittard-Geleen", "Helmond", "Oss", "Amstelveen", "Hilversum", "Súdwest-Fryslân", "Heerlen", "Hengelo",
        "Purmerend", "Schiedam", "Lelystad", "Roosendaal", "Leidschendam-Voorburg", "Almelo", "Hoorn", "Gouda", "Vlaardingen", "Assen",
        "Capelle aan den IJssel", "Bergen op Zoom", "Veenendaal", "Katwijk", "Zeist", "Nieuwegein", "Roermond", "Den Helder", "Doetinchem",
        "Hoogeveen", "Terneuzen", "Kerkrade", "Barneveld", "Heerhugowaard", "Gooise Meren", "Oosterhout", "Middelburg", "Vlissingen",
        "Spijkenisse", "Nissewaard", "Emmeloord", "Harderwijk", "Zutphen", "Weert", "Venray", "Kampen", "Meppel", "Tiel", "Delfzijl",
        "Eemsdelta", "Stadskanaal", "Veendam", "Winschoten", "Oldambt", "Heerenveen", "Sneek", "Drachten", "Smallingerland", "Steenwijk",
        "Goes", "Bergen", "Beverwijk", "Velsen", "IJmuiden", "Diemen", "Woerden", "Houten", "Maarssen", "Culemborg", "Waalwijk", "Uden",
    ];
}

/// <summary>Makes benchmark items one at a time.</summary>
public interface IItemGenerator
{
    SearchDocument Next(int id);
}
