using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;

namespace Kennisplatform.Search.Tests;

/// <summary>
/// Pseudo-relevance feedback: the words the best hits of a query share find items that say the same thing without
/// the word typed, below the items that have it; not for a query for failures, nor for one searched literally. The
/// words of an item are kept with its segment, and a changed or deleted item is never read from what was kept.
/// </summary>
public sealed class FeedbackTests : IDisposable
{
    private const string Unnamed = "Tegels eruit, groen erin";
    private readonly SearchIndex index = SearchIndex.InMemory(Lexicon.Shared);
    private readonly SearchService search;

    public FeedbackTests()
    {
        search = new SearchService(index);
        Add(1, "Geveltuinen in de Transvaalbuurt", "Bewoners haalden tegels weg en plantten klimplanten.", "Zestig straten kregen er een.");
        Add(2, "Een geveltuin voor elke straat", "De tegels gingen eruit, er kwamen klimplanten voor in de plaats.", "De straat is groener.");
        Add(3, Unnamed, "In een versteende wijk vervingen bewoners tegels door klimplanten en bomen.", "Tegen de hitte in de zomer.");
        // Enough other items that the shared words are rare ones.
        for (var i = 0; i < 40; i++)
            Add(10 + i, $"Taalcafé nummer {i}", "Wekelijks oefenen nieuwkomers hun Nederlands in de bibliotheek.", "Vrijwilligers schenken koffie.");
        index.Refresh();
    }

    public void Dispose() => index.Dispose();

    private void Add(int id, string title, string summary, string body) =>
        index.Upsert(new SearchDocument
        {
            Id = id, Type = "praktijkvoorbeeld", Slug = $"item-{id}", Url = $"/x/item-{id}", Title = title, Summary = summary,
            Body = body, Outcome = "geslaagd", Tags = "wonen, geslaagd", Published = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(id),
        });

    private List<string> Titles(string query, bool literal = false) =>
        search.Search(new SearchRequest { Text = query, Literal = literal }).Hits.Select(h => h.Title).ToList();

    [Fact]
    public void Words_the_best_hits_share_find_an_item_without_the_word_typed_below_those_with_it()
    {
        var titles = Titles("geveltuin");
        Assert.Equal(3, titles.Count);
        Assert.Equal(Unnamed, titles[^1]);
        Assert.Equal(3, search.Search(new SearchRequest { Text = "geveltuin" }).Total);
    }

    [Fact]
    public void The_words_found_by_feedback_are_not_marked_in_snippets()
    {
        var hit = search.Search(new SearchRequest { Text = "geveltuin" }).Hits.Single(h => h.Title == Unnamed);
        Assert.DoesNotContain("<mark>", hit.SnippetHtml);
    }

    [Fact]
    public void Feedback_respects_a_filter()
    {
        var filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Type] = ["interventie"] };
        Assert.Empty(search.Search(new SearchRequest { Text = "geveltuin", Filters = filters }).Hits);
    }

    [Fact]
    public void An_item_the_query_excludes_does_not_come_back_through_feedback() =>
        Assert.DoesNotContain(Unnamed, Titles("geveltuin -versteende"));

    [Fact]
    public void A_query_for_failures_gets_no_feedback() =>
        Assert.DoesNotContain(Unnamed, Titles("geveltuin mislukt"));

    [Fact]
    public void A_literal_search_gets_no_feedback() =>
        Assert.DoesNotContain(Unnamed, Titles("geveltuin", literal: true));

    [Fact]
    public void Newest_first_gets_no_feedback() =>
        Assert.DoesNotContain(Unnamed, search.Search(new SearchRequest { Text = "geveltuin", Sort = SearchSort.Newest }).Hits.Select(h => h.Title));

    [Fact]
    public void A_query_with_one_hit_gets_no_feedback() =>
        Assert.Equal(["Geveltuinen in de Transvaalbuurt"], Titles("Transvaalbuurt"));

    [Fact]
    public void The_kept_words_of_an_item_are_those_its_texts_give()
    {
        Titles("geveltuin");
        var searcher = index.Searchers.Acquire();
        try
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
                for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
                {
                    var stored = leaf.AtomicReader.Document(doc);
                    IEnumerable<string> texts = [stored.Get(SearchFields.Title), .. SearchFields.Snippeted.Select(f => stored.Get(f) ?? "")];
                    var fresh = texts.SelectMany(t => FoldingAnalyzer.Tokens(index.PhraseAnalyzer, t, SearchFields.Body))
                        .Where(f => f.Length >= 4).Distinct().Order(StringComparer.Ordinal).ToList();
                    var first = Feedback.Candidates(leaf.AtomicReader, doc, index.PhraseAnalyzer, () => texts);
                    var kept = Feedback.Candidates(leaf.AtomicReader, doc, index.PhraseAnalyzer, () => throw new InvalidOperationException("not kept"));
                    Assert.Equal(fresh, first);
                    Assert.Same(first, kept);
                }
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    [Fact]
    public void A_best_hit_that_changed_is_read_anew()
    {
        Assert.Contains(Unnamed, Titles("geveltuin"));
        // Only the first item still says tegels and klimplanten: no word is shared by two of the best hits any more.
        Add(2, "Een geveltuin voor elke straat", "Langs de gevels bloeien nu stokrozen.", "De straat is groener.");
        index.Refresh();
        Assert.DoesNotContain(Unnamed, Titles("geveltuin"));
    }

    [Fact]
    public void A_deleted_best_hit_is_not_read()
    {
        Assert.Contains(Unnamed, Titles("geveltuin"));
        index.Delete(1);
        index.Refresh();
        Assert.Equal(["Een geveltuin voor elke straat"], Titles("geveltuin"));
    }
}
