using Kennisplatform.Search.Benchmarks.Generation;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kennisplatform.Search.Tests;

/// <summary>
/// <see cref="TermAtATime"/> replaces Lucene's scoring of our queries for speed; it must not change a ranking, a total
/// or a facet count. Checked on generated items of real sentences against every judged query, with and without a filter.
/// </summary>
public sealed class TermAtATimeTests : IDisposable
{
    private static readonly RealText Real = new();
    private readonly SearchIndex index = SearchIndex.InMemory(Lexicon.Shared);

    public TermAtATimeTests()
    {
        var generator = Real.SentenceGenerator(seed: 11);
        foreach (var item in Enumerable.Range(1, 1500).Select(generator.Next))
            index.Upsert(item);
        // Several segments, and deleted items, as a live index has.
        index.Commit(0, DateTime.UtcNow);
        foreach (var item in Enumerable.Range(1501, 300).Select(generator.Next))
            index.Upsert(item);
        for (var id = 1; id <= 1800; id += 7)
            index.Delete(id);
        index.Refresh();
    }

    public void Dispose() => index.Dispose();

    private static IEnumerable<string> Queries() =>
        Real.Queries.Concat(["-buurt jongeren", "\"eenzame ouderen\"", "webinar", "wat werkte niet", "-wijk", "buurtkamer", "bewonersinitiatief"]);

    [Fact]
    public void Every_judged_query_gets_the_hits_scores_and_facet_counts_that_Lucene_gives()
    {
        var builder = new QueryBuilder(index);
        var searcher = index.Searchers.Acquire();
        var withHits = 0;
        try
        {
            foreach (var text in Queries())
            {
                var built = builder.Build(QueryIntent.Understand(UserQuery.Parse(text), searcher.IndexReader), searcher.IndexReader);
                var plain = built.Query ?? new MatchAllDocsQuery();
                var filtered = new FilteredQuery(plain, new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Type, "praktijkvoorbeeld"))));
                foreach (var query in new Query[] { plain, filtered })
                {
                    var (luceneTop, luceneFacets) = (TopScoreDocCollector.Create(50, false), new FacetCounter(SearchFields.Facets));
                    searcher.Search(query, MultiCollector.Wrap(luceneTop, luceneFacets));
                    var (ourTop, ourFacets) = (TopScoreDocCollector.Create(50, false), new FacetCounter(SearchFields.Facets));
                    TermAtATime.Search(searcher, query, ourTop, ourFacets);

                    var (expected, actual) = (luceneTop.GetTopDocs(), ourTop.GetTopDocs());
                    if (expected.TotalHits > 0) withHits++;
                    Assert.Equal(expected.TotalHits, actual.TotalHits);
                    Assert.Equal(expected.ScoreDocs.Length, actual.ScoreDocs.Length);
                    for (var i = 0; i < expected.ScoreDocs.Length; i++)
                    {
                        var (e, a) = (expected.ScoreDocs[i], actual.ScoreDocs[i]);
                        Assert.True(Math.Abs(e.Score - a.Score) <= 1e-5f * e.Score, $"{text}: score at {i} {e.Score} against {a.Score}");
                        // Scores equal but for rounding may swap places; anything else is a changed ranking.
                        if (e.Doc != a.Doc)
                            Assert.Contains(expected.ScoreDocs, d => d.Doc == a.Doc && Math.Abs(d.Score - a.Score) <= 1e-5f * a.Score);
                    }
                    var (lf, of) = (luceneFacets.Result(), ourFacets.Result());
                    Assert.Equal(lf.Keys, of.Keys);
                    foreach (var field in lf.Keys)
                        Assert.Equal(lf[field], of[field]);
                }
            }
            // Typos find nothing uncorrected; nearly every other query finds items.
            Assert.InRange(withHits, 200, 300);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }
}
