using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;

namespace Kennisplatform.Search.Tests;

/// <summary>
/// Pseudo-relevance feedback: the words the best hits of a query share find items that say the same thing without
/// the word typed, below the items that have it; not for a query for failures, nor for one searched literally.
/// </summary>
public sealed class FeedbackTests : IDisposable
{
    private const string Unnamed = "Tegels eruit, groen erin";
    private readonly SearchIndex index = SearchIndex.InMemory(Lexicon.Shared);
    private readonly SearchService search;
    private int nextId = 1;

    public FeedbackTests()
    {
        search = new SearchService(index);
        Add("Geveltuinen in de Transvaalbuurt", "Bewoners haalden tegels weg en plantten klimplanten.", "Zestig straten kregen er een.");
        Add("Een geveltuin voor elke straat", "De tegels gingen eruit, er kwamen klimplanten voor in de plaats.", "De straat is groener.");
        Add(Unnamed, "In een versteende wijk vervingen bewoners tegels door klimplanten en bomen.", "Tegen de hitte in de zomer.");
        // Enough other items that the shared words are rare ones.
        for (var i = 0; i < 40; i++)
            Add($"Taalcafé nummer {i}", "Wekelijks oefenen nieuwkomers hun Nederlands in de bibliotheek.", "Vrijwilligers schenken koffie.");
        index.Refresh();
    }

    public void Dispose() => index.Dispose();

    private void Add(string title, string summary, string body) =>
        index.Upsert(new SearchDocument
        {
            Id = nextId, Type = "praktijkvoorbeeld", Slug = $"item-{nextId}", Url = $"/x/item-{nextId++}", Title = title, Summary = summary,
            Body = body, Outcome = "geslaagd", Tags = "wonen, geslaagd", Published = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(nextId),
        });

    private List<string> Titles(string query, bool literal = false) =>
        search.Search(new SearchRequest { Text = query, Literal = literal }).Hits.Select(h => h.Title).ToList();

    [Fact]
    public void Words_the_best_hits_share_find_an_item_without_the_word_typed_below_those_with_it()
    {
        var titles = Titles("geveltuin");
        Assert.Equal(3, titles.Count);
        Assert.Equal(Unnamed, titles[^1]);
    }

    [Fact]
    public void The_words_found_by_feedback_are_not_marked_in_snippets()
    {
        var hit = search.Search(new SearchRequest { Text = "geveltuin" }).Hits.Single(h => h.Title == Unnamed);
        Assert.DoesNotContain("<mark>", hit.SnippetHtml);
    }

    [Fact]
    public void A_query_for_failures_gets_no_feedback() =>
        Assert.DoesNotContain(Unnamed, Titles("geveltuin mislukt"));

    [Fact]
    public void A_literal_search_gets_no_feedback() =>
        Assert.DoesNotContain(Unnamed, Titles("geveltuin", literal: true));

    [Fact]
    public void A_query_with_one_hit_gets_no_feedback() =>
        Assert.Equal(["Geveltuinen in de Transvaalbuurt"], Titles("Transvaalbuurt"));
}
