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
                    if (luceneTop.TotalHits > 0) withHits++;
                    AssertSame(text, luceneTop.GetTopDocs(), luceneFacets, ourTop.GetTopDocs(), ourFacets);
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

    /// <summary>
    /// Feedback is scored apart and added to the query's own scores; that must give what the query with the feedback
    /// words as a clause beside its words gives, under what it favours (a place, a type) and filters.
    /// </summary>
    [Fact]
    public void Feedback_added_to_a_query_scores_as_a_clause_beside_its_words()
    {
        var searcher = index.Searchers.Acquire();
        var withFeedback = 0;
        try
        {
            var reader = searcher.IndexReader;
            foreach (var (text, built, query) in TopicalQueries(reader, Queries().Concat(["jongeren Rotterdam", "buurtkamer interventie"])))
            {
                var luceneBest = LuceneBest(searcher, query, Feedback.Hits);
                Query? shared = null;
                var (ourTop, ourFacets) = (TopScoreDocCollector.Create(50, false), new FacetCounter(SearchFields.Facets));
                TermAtATime.Search(searcher, query, ourTop, ourFacets, best =>
                {
                    Assert.Equal(luceneBest, best);
                    var candidates = best.Select(doc => Feedback.Analyse(index.PhraseAnalyzer, Texts(searcher, doc))).ToList();
                    var words = Feedback.Words(reader, candidates, built.Terms);
                    return shared = words.Count == 0 ? null : QueryBuilder.FeedbackQuery(reader, words);
                });
                if (shared is null) continue;
                withFeedback++;
                AssertSameAsLucene(text, searcher, Beside(query, shared), ourTop, ourFacets);
            }
            Assert.InRange(withFeedback, 100, 300);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The matches of a theme the best hits share are multiplied after the query is scored; that must give what Lucene
    /// gives for the whole query favouring the items of that theme, filtered or not.
    /// </summary>
    [Fact]
    public void Favoured_themes_score_as_the_whole_query_favouring_them()
    {
        var searcher = index.Searchers.Acquire();
        var favoured = 0;
        try
        {
            foreach (var (text, _, query) in TopicalQueries(searcher.IndexReader, Queries()))
            {
                var luceneBest = LuceneBest(searcher, query, Themes.Hits);
                Query? items = null;
                var (ourTop, ourFacets) = (TopScoreDocCollector.Create(50, false), new FacetCounter(SearchFields.Facets));
                TermAtATime.Search(searcher, query, ourTop, ourFacets, favoured: best =>
                {
                    Assert.Equal(luceneBest, best);
                    return (items = Themes.Shared(searcher.IndexReader, best)) is null ? null : (items, Themes.Factor);
                });
                if (items is null) continue;
                favoured++;
                AssertSameAsLucene(text, searcher, new Favouring(query, items, Themes.Factor), ourTop, ourFacets);
            }
            Assert.InRange(favoured, 20, 300);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>Each query of <paramref name="texts"/> that has words to match, as built and filtered to cases.</summary>
    private IEnumerable<(string Text, QueryBuilder.Built Built, Query Query)> TopicalQueries(IndexReader reader, IEnumerable<string> texts)
    {
        var builder = new QueryBuilder(index);
        foreach (var text in texts)
        {
            var built = builder.Build(QueryIntent.Understand(UserQuery.Parse(text), reader), reader);
            if (!built.Topical) continue;
            yield return (text, built, built.Query!);
            yield return (text, built, new FilteredQuery(built.Query, new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Type, "praktijkvoorbeeld")))));
        }
    }

    private static IEnumerable<int> LuceneBest(IndexSearcher searcher, Query query, int count)
    {
        var best = TopScoreDocCollector.Create(count, false);
        searcher.Search(query, best);
        return best.GetTopDocs().ScoreDocs.Select(d => d.Doc).ToList();
    }

    private static void AssertSameAsLucene(string text, IndexSearcher searcher, Query expected, TopScoreDocCollector ourTop, FacetCounter ourFacets)
    {
        var (luceneTop, luceneFacets) = (TopScoreDocCollector.Create(50, false), new FacetCounter(SearchFields.Facets));
        searcher.Search(expected, MultiCollector.Wrap(luceneTop, luceneFacets));
        AssertSame(text, luceneTop.GetTopDocs(), luceneFacets, ourTop.GetTopDocs(), ourFacets);
    }

    private static IEnumerable<string> Texts(IndexSearcher searcher, int doc)
    {
        var stored = searcher.Doc(doc);
        return [stored.Get(SearchFields.Title) ?? "", .. SearchFields.Snippeted.Select(f => stored.Get(f) ?? "")];
    }

    /// <summary>
    /// The query with <paramref name="shared"/> as a clause beside its words, inside what it favours and filters, and
    /// never finding an item its words exclude.
    /// </summary>
    private static Query Beside(Query query, Query shared)
    {
        switch (query)
        {
            case FilteredQuery filtered:
                return new FilteredQuery(Beside(filtered.Query, shared), filtered.Filter);
            case Favouring favouring:
                return new Favouring(Beside(favouring.Match, shared), favouring.Context, favouring.Factor);
        }
        var beside = new BooleanQuery(disableCoord: true) { { query, Occur.SHOULD }, { shared, Occur.SHOULD } };
        foreach (var excluded in Excluded(query))
            beside.Add(excluded, Occur.MUST_NOT);
        return beside;
    }

    /// <summary>What a query excludes whatever else matches: its prohibited clauses, and those of its required ones.</summary>
    private static IEnumerable<Query> Excluded(Query query) => query is BooleanQuery boolean
        ? boolean.Clauses.SelectMany(c => c.Occur switch
        {
            Occur.MUST_NOT => [c.Query],
            Occur.MUST => Excluded(c.Query),
            _ => [],
        })
        : [];

    private static void AssertSame(string text, TopDocs expected, FacetCounter expectedFacets, TopDocs actual, FacetCounter actualFacets)
    {
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
        var (lf, of) = (expectedFacets.Result(), actualFacets.Result());
        Assert.Equal(lf.Keys, of.Keys);
        foreach (var field in lf.Keys)
            Assert.Equal(lf[field], of[field]);
    }
}
