using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;
using Lucene.Net.Search;

namespace Kennisplatform.Search.Tests;

/// <summary>
/// What search does to be quicker than Lucene's defaults gives the same hits with the same scores: looking up a query's
/// terms all at once and keeping what each segment answered (<see cref="TermStates"/>).
/// </summary>
public sealed class SameResultsTests : IDisposable
{
    private readonly SearchIndex index = SearchIndex.InMemory(Lexicon.Shared);
    private int nextId = 1;

    public SameResultsTests()
    {
        // Refreshed between additions, so the reader has several segments, one with a deletion.
        Add("Buurtkamer tegen eenzaamheid", "Ouderen komen elke dag koffie drinken in de buurtkamer.", "praktijkvoorbeeld", "geslaagd", "Zwolle");
        Add("Jongerenraad zonder jongeren", "De raad stopte na een jaar; lessen over eigenaarschap.", "praktijkvoorbeeld", "mislukt", "Almere");
        index.Refresh();
        Add("Bewonersinitiatieven in Noord", "Bewoners starten zelf projecten met een klein budget voor de wijk.", "praktijkvoorbeeld", "deels", "Zwolle");
        Add("Digitaal spreekuur voor senioren", "Hulp bij de computer, eenzaamheid en de telefoon.", "interventie", null, null);
        index.Refresh();
        Add("Wijkschakelaars zichtbaar maken", "Mensen die bewoners en de gemeente verbinden in de buurt.", "praktijkvoorbeeld", "te-vroeg", "Amsterdam");
        Add("Buurtpreventie met een app", "Bewoners letten samen op overlast en veiligheid.", "praktijkvoorbeeld", "mislukt", "Almere");
        index.Upsert(Document(2, "Jongerenraad met jongeren", "De raad stopte niet: jongeren bleven komen.", "praktijkvoorbeeld", "geslaagd", "Almere"));
        index.Refresh();
    }

    public void Dispose() => index.Dispose();

    private void Add(string title, string summary, string type, string? outcome, string? municipality) =>
        index.Upsert(Document(nextId++, title, summary, type, outcome, municipality));

    private static SearchDocument Document(int id, string title, string summary, string type, string? outcome, string? municipality) => new()
    {
        Id = id,
        Type = type,
        Slug = $"item-{id}",
        Url = $"/x/item-{id}",
        Title = title,
        Summary = summary,
        Body = summary + " " + title,
        Outcome = outcome,
        Municipality = municipality,
        Published = new DateTime(2026, 1, id, 0, 0, 0, DateTimeKind.Utc),
    };

    public static TheoryData<string> Queries() =>
    [
        "eenzaamheid ouderen buurt", "preventie", "bewoners initiatief wijk", "wat werkte niet", "mislukt jongeren Almere",
        "interventie eenzaamheid", "\"koffie drinken\" -jongeren", "-koffie", "wijkschakelaar gemeente zorg",
        // Words close together in a summary: the proximity clause matches as a sloppy phrase.
        "bewoners wijk",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public void Hits_and_scores_are_those_of_lucenes_own_lookups(string text)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var understood = QueryIntent.Understand(UserQuery.Parse(text), searcher.IndexReader);
            var query = new QueryBuilder(index).Build(understood, searcher.IndexReader).Query;
            Assert.NotNull(query);
            var expected = searcher.Search(query, 20).ScoreDocs;
            var again = new QueryBuilder(index).Build(understood, searcher.IndexReader).Query!;
            var actual = searcher.Search(TermStates.Resolve(searcher, again), 20).ScoreDocs;

            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(d => (d.Doc, d.Score)), actual.Select(d => (d.Doc, d.Score)));
            Assert.Equal(TermAtATimeHits(searcher, new QueryBuilder(index).Build(understood, searcher.IndexReader).Query!),
                TermAtATimeHits(searcher, TermStates.Resolve(searcher, new QueryBuilder(index).Build(understood, searcher.IndexReader).Query!)));
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Scores_are_those_of_lucenes_bm25(string text) => WithSearcher(searcher =>
    {
        var query = Built(searcher, text);
        var lucenes = new IndexSearcher(searcher.IndexReader) { Similarity = new LucenesBm25() };

        var expected = lucenes.Search(query, 20).ScoreDocs;
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(d => (d.Doc, d.Score)), searcher.Search(query, 20).ScoreDocs.Select(d => (d.Doc, d.Score)));
        Assert.Equal(TermAtATimeHits(lucenes, query), TermAtATimeHits(searcher, query));
        return true;
    });

    [Fact]
    public void Norms_are_those_of_lucenes_bm25()
    {
        var lucenes = new LucenesBm25();
        foreach (var boost in new[] { 1f, 0.5f, 2.5f })
            foreach (var length in Enumerable.Range(0, 3000).Concat([10_000, 100_000]))
                foreach (var overlap in new[] { 0, length / 3 })
                {
                    var state = new Lucene.Net.Index.FieldInvertState("body", length, length, overlap, 0, boost);
                    Assert.Equal(lucenes.ComputeNorm(state), Ranking.Instance.ComputeNorm(state));
                }
    }

    /// <summary>Lucene's own BM25 with the parameters and coordination of <see cref="Ranking"/>.</summary>
    private sealed class LucenesBm25() : Lucene.Net.Search.Similarities.BM25Similarity(Ranking.Saturation, Ranking.LengthWeight)
    {
        public override float Coord(int overlap, int maxOverlap) => overlap / (float)maxOverlap;
    }

    [Fact]
    public void Every_term_query_of_a_built_query_carries_its_states()
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var understood = QueryIntent.Understand(UserQuery.Parse("eenzaamheid ouderen buurt"), searcher.IndexReader);
            var resolved = TermStates.Resolve(searcher, new QueryBuilder(index).Build(understood, searcher.IndexReader).Query!);

            var termQueries = TermQueries(resolved).ToList();
            Assert.True(termQueries.Count > 20, $"only {termQueries.Count} term queries");
            var states = typeof(TermQuery).GetField("perReaderTermState", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
            Assert.All(termQueries, q => Assert.NotNull(states.GetValue(q)));
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    [Fact]
    public void Kept_lookups_answer_as_the_index_does_after_items_change()
    {
        const string text = "moestuin ouderen buurt";
        Assert.Equal(Expected(text), Resolved(text)); // fills the kept lookups, "moestuin" found nowhere
        Assert.Equal(0, WithSearcher(searcher => TermStates.DocFreq(searcher.IndexReader, SearchFields.Body, "moestuin"))); // kept for this reader
        var added = nextId;
        Add("Moestuin voor ouderen", "Een moestuin in de buurt waar ouderen samen tuinieren.", "praktijkvoorbeeld", "geslaagd", "Zwolle");
        index.Delete(1);
        index.Refresh();

        var after = Resolved(text);
        Assert.Equal(Expected(text), after);
        Assert.Equal(SearchIndex.Id(added), WithSearcher(searcher => searcher.Doc(after[0].Doc).Get(SearchFields.Id))); // the new item, in its new segment
        var searcher = index.Searchers.Acquire();
        try
        {
            foreach (var term in new[] { "moestuin", "ouder", "buurtkamer", "onbekendwoord" }.SelectMany(t => SearchFields.Searched.Select(f => new Lucene.Net.Index.Term(f.Field, t))))
            {
                Assert.Equal(searcher.IndexReader.DocFreq(term), TermStates.DocFreq(searcher.IndexReader, term));
                Assert.Equal(searcher.IndexReader.DocFreq(term), TermStates.DocFreq(searcher.IndexReader, term)); // kept
                Assert.Equal(searcher.IndexReader.DocFreq(term), TermStates.DocFreq(searcher.IndexReader, term.Field, term.Text)); // kept per reader
                Assert.Equal(searcher.IndexReader.DocFreq(term), TermStates.DocFreq(searcher.IndexReader, term.Field, term.Text));
            }
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    [Fact]
    public void A_phrase_no_item_holds_is_not_looked_up_and_scores_stay_those_of_lucene()
    {
        WithSearcher(searcher =>
        {
            Lucene.Net.Index.Term Title(string word) => new(SearchFields.Title, QueryBuilder.Positions(index.PhraseAnalyzer, word)[0][0]);
            var reader = searcher.IndexReader;
            // "buurtkamer" and "app" are in titles, never in the same one; "jongerenraad" and "jongeren" share one (not as a phrase).
            Assert.True(TermStates.CannotMatch(reader, [[Title("buurtkamer")], [Title("app")]]));
            Assert.True(TermStates.CannotMatch(reader, [[Title("buurtkamer")], [Title("onbekendwoord")]]));
            Assert.False(TermStates.CannotMatch(reader, [[Title("jongerenraad")], [Title("jongeren")]]));
            Assert.False(TermStates.CannotMatch(reader, [[Title("app"), Title("buurtkamer")], [Title("eenzaamheid"), Title("spreekuur")]]));

            var query = new BooleanQuery
            {
                { new TermQuery(Title("buurtkamer")), Occur.SHOULD },
                { new PhraseQuery { Title("buurtkamer"), Title("app") }, Occur.SHOULD },
                { new MultiPhraseQuery { new[] { Title("buurtkamer") }, new[] { Title("app"), Title("onbekendwoord") } }, Occur.SHOULD },
            };
            var expected = searcher.Search(query, 20).ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();
            Assert.Single(expected); // coordination counts the two phrases: 1 of 3 clauses
            Assert.Equal(expected, TermAtATimeHits(searcher, query));
            return 0;
        });
    }

    private List<(int Doc, float Score)> Expected(string text) => WithSearcher(searcher => searcher.Search(Built(searcher, text), 20).ScoreDocs.Select(d => (d.Doc, d.Score)).ToList());

    private List<(int Doc, float Score)> Resolved(string text) => WithSearcher(searcher => searcher.Search(TermStates.Resolve(searcher, Built(searcher, text)), 20).ScoreDocs.Select(d => (d.Doc, d.Score)).ToList());

    private Query Built(IndexSearcher searcher, string text) =>
        new QueryBuilder(index).Build(QueryIntent.Understand(UserQuery.Parse(text), searcher.IndexReader), searcher.IndexReader).Query!;

    private T WithSearcher<T>(Func<IndexSearcher, T> use)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            return use(searcher);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    private static List<(int Doc, float Score)> TermAtATimeHits(IndexSearcher searcher, Query query)
    {
        var top = TopScoreDocCollector.Create(20, docsScoredInOrder: false);
        TermAtATime.Search(searcher, query, top);
        return top.GetTopDocs().ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();
    }

    private static IEnumerable<TermQuery> TermQueries(Query query) => query switch
    {
        TermQuery term => [term],
        BooleanQuery boolean => boolean.Clauses.SelectMany(c => TermQueries(c.Query)),
        DisjunctionMaxQuery disjunction => disjunction.Disjuncts.SelectMany(TermQueries),
        Favouring favouring => TermQueries(favouring.Match).Concat(TermQueries(favouring.Context)),
        _ => [],
    };
}
