using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;

namespace Kennisplatform.Search.Tests;

/// <summary>A failure word that says what happened ("gesloten") also finds the title that tells it in other words ("ging dicht").</summary>
public sealed class WhatHappenedTests : IDisposable
{
    private readonly SearchIndex index = SearchIndex.InMemory(Lexicon.Shared);
    private readonly SearchService search;
    private int nextId = 1;

    public WhatHappenedTests()
    {
        search = new SearchService(index);
        // Both name the buurthuis as often, and this one comes first when scores tie; but nothing closed, it only failed.
        Add("Buurthuis zonder vrijwilligers", "Te weinig vrijwilligers voor de bar.", "Het buurthuis bleef open.");
        Add("Het buurthuis ging dicht", "Om te bezuinigen besloot de gemeente tot de sluiting.", "De clubs in het buurthuis moesten elders heen.");
        Add("Deur dicht bij kou", "Houd de deur dicht in de winter.", "Over stookkosten.");
        index.Refresh();
    }

    public void Dispose() => index.Dispose();

    private void Add(string title, string summary, string body) =>
        index.Upsert(new SearchDocument
        {
            Id = nextId, Type = "praktijkvoorbeeld", Slug = $"item-{nextId}", Url = $"/x/item-{nextId++}", Title = title, Summary = summary,
            Body = body, Outcome = "mislukt", Tags = "mislukt", Published = new DateTime(2026, 1, nextId, 0, 0, 0, DateTimeKind.Utc),
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
}
