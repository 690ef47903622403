using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;

namespace Kennisplatform.Search.Tests;

/// <summary>
/// What the topic of a query for failures is found by: a failure word that says what happened ("gesloten") also finds the
/// title that tells it in other words ("ging dicht"), and the theme of a failed case counts as much as its words. Themes
/// count a little more than a mention in the body for any query.
/// </summary>
public sealed class FailureTopicTests : IDisposable
{
    private readonly SearchIndex index = SearchIndex.InMemory(Lexicon.Shared);
    private readonly SearchService search;
    private int nextId = 1;

    public FailureTopicTests()
    {
        search = new SearchService(index);
        // Both name the buurthuis as often, and this one comes first when scores tie; but nothing closed, it only failed.
        Add("Buurthuis zonder vrijwilligers", "Te weinig vrijwilligers voor de bar.", "Het buurthuis bleef open.");
        Add("Het buurthuis ging dicht", "Om te bezuinigen besloot de gemeente tot de sluiting.", "De clubs in het buurthuis moesten elders heen.");
        Add("Deur dicht bij kou", "Houd de deur dicht in de winter.", "Over stookkosten.");
        // Participatie named once in the summary, but the case is about something else; the other is about participatie
        // by its theme and says it in other words.
        Add("Wijkfeest zonder vrijwilligers", "Het feest hoorde bij de participatie van de buurt.", "Niemand wilde de bar doen.", "sociale samenhang");
        Add("Buurtavond trok alleen boze bewoners", "Er kwamen steeds dezelfde twintig mensen.", "De zaal zat vol met klachten.", "participatie");
        index.Refresh();
    }

    public void Dispose() => index.Dispose();

    private void Add(string title, string summary, string body, string theme = "sociale samenhang") =>
        index.Upsert(new SearchDocument
        {
            Id = nextId, Type = "praktijkvoorbeeld", Slug = $"item-{nextId}", Url = $"/x/item-{nextId++}", Title = title, Summary = summary,
            Body = body, Outcome = "mislukt", Tags = $"{theme}, mislukt", Themes = [theme], Published = new DateTime(2026, 1, nextId, 0, 0, 0, DateTimeKind.Utc),
        });

    private SearchResults Find(string query) => search.Search(new SearchRequest { Text = query });

    [Theory]
    [InlineData("buurthuis gesloten")]
    [InlineData("buurthuis dicht")]
    [InlineData("sluiting buurthuis")]
    public void A_title_that_says_what_happened_in_other_words_ranks_first(string query)
    {
        var results = Find(query);
        Assert.True(results.Understood.Failures);
        Assert.Contains("dicht", results.Understood.Happened);
        Assert.Equal(["buurthuis"], results.Understood.Words.Select(w => w.Text));
        Assert.Equal("Het buurthuis ging dicht", results.Hits[0].Title);
    }

    [Fact]
    public void What_happened_never_pulls_in_items_off_the_topic() =>
        Assert.DoesNotContain("Deur dicht bij kou", Find("buurthuis gesloten").Hits.Select(h => h.Title));

    [Fact]
    public void Without_a_topic_what_happened_is_only_a_failure_word() =>
        Assert.Empty(Find("gesloten").Understood.Happened);

    [Fact]
    public void A_theme_that_names_the_word_counts_more_than_a_mention_in_the_body()
    {
        using var themed = SearchIndex.InMemory(Lexicon.Shared);
        // Added first, so it comes first when scores tie: schulden is one word of a longer body.
        themed.Upsert(new SearchDocument
        {
            Id = 1, Type = "interventie", Slug = "feest", Url = "/x/feest", Title = "Buurtfeest in de zomer", Summary = "Een dag voor de hele straat.",
            Body = "Buren koken samen en praten over van alles, ook over schulden en werk.", Tags = "sociale samenhang", Themes = ["sociale samenhang"],
        });
        themed.Upsert(new SearchDocument
        {
            Id = 2, Type = "interventie", Slug = "geldcafe", Url = "/x/geldcafe", Title = "Geldcafé in de wijk", Summary = "Vragen over post en rekeningen.",
            Body = "Vrijwilligers helpen bij brieven van de gemeente.", Tags = "armoede en schulden", Themes = ["armoede en schulden"],
        });
        themed.Refresh();
        var hits = new SearchService(themed).Search(new SearchRequest { Text = "schulden" }).Hits;
        Assert.Equal("Geldcafé in de wijk", hits[0].Title);
    }

    [Fact]
    public void For_failures_the_theme_of_a_case_counts_as_much_as_its_words()
    {
        Assert.Equal("Buurtavond trok alleen boze bewoners", Find("mislukte participatie").Hits[0].Title);
        // Without failures asked, the summary that says the word still comes first.
        Assert.Equal("Wijkfeest zonder vrijwilligers", Find("participatie").Hits[0].Title);
    }
}
