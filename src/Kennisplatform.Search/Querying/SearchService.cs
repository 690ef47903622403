using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kennisplatform.Search.Querying;

/// <summary>Searches the index. Thread-safe: each call acquires the current near-real-time searcher.</summary>
public sealed class SearchService(SearchIndex index)
{
    public const int MaxPageSize = 50;
    /// <summary>Deep pages cost memory for every page before them; nobody reads result 10,000.</summary>
    public const int MaxPage = 100;

    private static readonly ISet<string> HitFields = new HashSet<string>
    {
        SearchFields.Id, SearchFields.Type, SearchFields.Slug, SearchFields.Title, SearchFields.Url, SearchFields.Summary,
        SearchFields.Body, SearchFields.Lessons, SearchFields.Published, SearchFields.Fictional,
        SearchFields.Theme, SearchFields.Principle, SearchFields.FailurePattern, SearchFields.TargetGroup, SearchFields.Outcome, SearchFields.Evidence, SearchFields.Municipality, SearchFields.Neighbourhood,
    };

    private readonly QueryBuilder builder = new(index);

    /// <summary>Whether a query is also sought with the words its best hits share (<see cref="Querying.Feedback"/>); off only to measure what that costs.</summary>
    internal bool Feedback { get; init; } = true;

    /// <summary>Whether the matches of a theme nearly all best hits share rank higher (<see cref="Querying.Themes"/>); off only to measure what that gives and costs.</summary>
    internal bool Themes { get; init; } = true;

    public SearchResults Search(SearchRequest request)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var parts = UserQuery.Parse(request.Text);
            var understood = request.Literal ? Understanding.None with { Words = parts } : QueryIntent.Understand(parts, searcher.IndexReader);
            if (request.Correct && !request.Literal && Correct(searcher.IndexReader, understood.Words) is { } corrected)
            {
                var instead = Run(searcher, understood with { Words = corrected }, request);
                if (instead.Total > 0)
                {
                    var suggestion = UserQuery.Format(parts.Select(p => Replace(p, understood.Words, corrected)));
                    return instead with { Suggestion = suggestion, SearchedInstead = suggestion };
                }
            }
            return Run(searcher, understood, request);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>The part as corrected, when it is one of the words that was corrected.</summary>
    private static QueryPart Replace(QueryPart part, IReadOnlyList<QueryPart> words, IReadOnlyList<QueryPart> corrected)
    {
        for (var i = 0; i < words.Count; i++)
            if (ReferenceEquals(words[i], part))
                return corrected[i];
        return part;
    }

    private SearchResults Run(IndexSearcher searcher, Understanding understood, SearchRequest request)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(request.Page, 1, MaxPage);
        var built = builder.Build(understood, searcher.IndexReader);
        var query = TermStates.Resolve(searcher, WithFilters(built.Query ?? new MatchAllDocsQuery(), request.Filters));
        // Without words there is no relevance to rank by: show the newest first.
        var byDate = request.Sort == SearchSort.Newest || !built.HasWords;

        var wanted = page * pageSize;
        ITopDocsCollector top = byDate
            ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true)), wanted, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false)
            : TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
        var facets = new FacetCounter(SearchFields.Facets);
        // Only a query ranked by its words has best hits that say what it is about.
        var rankedByWords = built.Topical && !byDate && !request.Literal;
        // A query for failures ranks its best hits by their outcome, not their topic: their words would lead astray.
        var feedback = Feedback && rankedByWords && !understood.Failures;
        // A query for a place ranks its best hits by where they are: their themes say where, not what. A failed case's
        // theme still says what it is about, so a query for failures is favoured by it.
        var themes = Themes && rankedByWords && understood.Places.Count == 0;
        TermAtATime.Search(searcher, query, top, facets, feedback ? best => FeedbackQuery(searcher, best, built.Terms) : null,
            themes ? best => SharedThemes(searcher, best) : null);

        // A page past the end shows the last page: every hit up to it was collected already.
        var total = top.TotalHits;
        var shown = Math.Min(page, Math.Max(1, (total + pageSize - 1) / pageSize));
        var docs = top.GetTopDocs((shown - 1) * pageSize, pageSize);
        var hits = Hits(searcher, docs.ScoreDocs, built.Terms);
        return new SearchResults
        {
            Total = total,
            Hits = hits,
            Facets = facets.Result(),
            Page = shown,
            RequestedPage = page,
            PageSize = pageSize,
            Understood = understood,
        };
    }

    /// <summary>The words the best hits share (<see cref="Querying.Feedback"/>) as a query to add to the query's own, or null when they share none.</summary>
    private Query? FeedbackQuery(IndexSearcher searcher, IReadOnlyList<int> best, IReadOnlySet<string> sought)
    {
        var leaves = searcher.IndexReader.Leaves;
        var candidates = new List<string[]>(best.Count);
        foreach (var doc in best)
        {
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            candidates.Add(Querying.Feedback.Candidates(leaf.AtomicReader, doc - leaf.DocBase, index.PhraseAnalyzer, () => StoredTexts(searcher, doc)));
        }
        var words = Querying.Feedback.Words(searcher.IndexReader, candidates, sought);
        return words.Count == 0 ? null : QueryBuilder.FeedbackQuery(searcher.IndexReader, words);
    }

    /// <summary>The items of the theme nearly all best hits share (<see cref="Querying.Themes"/>) and how much they are favoured, or null when they share none.</summary>
    private static (Query Items, float Factor)? SharedThemes(IndexSearcher searcher, IReadOnlyList<int> best) =>
        Querying.Themes.Shared(searcher.IndexReader, best) is { } items ? (items, Querying.Themes.Factor) : null;

    /// <summary>An item's title and the texts a snippet is taken from.</summary>
    private static IEnumerable<string> StoredTexts(IndexSearcher searcher, int doc)
    {
        var stored = Stored(searcher, doc);
        return stored.Texts.Prepend(stored.Hit.Title);
    }

    private static Query WithFilters(Query query, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var filter = new BooleanQuery();
        foreach (var (field, values) in filters)
        {
            if (!SearchFields.Facets.Contains(field) || values.Count == 0) continue;
            var anyValue = new BooleanQuery();
            foreach (var value in values.Distinct().Take(20))
                anyValue.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
            filter.Add(anyValue, Occur.MUST);
        }
        return filter.Clauses.Count == 0 ? query : new FilteredQuery(query, new QueryWrapperFilter(filter));
    }

    /// <summary>The hits of one page, their snippets read for the whole page at once.</summary>
    private static List<SearchHit> Hits(IndexSearcher searcher, ScoreDoc[] scoreDocs, IReadOnlySet<string> terms)
    {
        var stored = scoreDocs.Select(d => Stored(searcher, d.Doc)).ToList();
        var snippets = terms.Count == 0
            ? stored.Select(h => Snippets.Plain(h.Hit.Summary)).ToArray()
            : Snippets.Best(searcher.IndexReader, scoreDocs.Select(d => d.Doc).ToList(), terms.Select(t => new BytesRef(t)).ToList(),
                stored.Select(h => h.Texts).ToList());
        return scoreDocs.Select((d, i) => stored[i].Hit with { SnippetHtml = snippets[i], Score = float.IsNaN(d.Score) ? 0 : d.Score }).ToList();
    }

    private static StoredHit Stored(IndexSearcher searcher, int doc) => StoredHits.Get(searcher, doc, HitFields, ToHit);

    private static StoredHit ToHit(Document doc) =>
        new(doc,
            new SearchHit(
                int.Parse(doc.Get(SearchFields.Id), System.Globalization.CultureInfo.InvariantCulture),
                doc.Get(SearchFields.Type) ?? "",
                doc.Get(SearchFields.Slug) ?? "",
                doc.Get(SearchFields.Title) ?? "",
                doc.Get(SearchFields.Url) ?? "",
                doc.Get(SearchFields.Summary) ?? "",
                "",
                new DateTime(doc.GetField(SearchFields.Published)?.GetInt64Value() ?? 0, DateTimeKind.Utc),
                0f,
                SearchFields.Facets.Where(f => f != SearchFields.Type)
                    .ToDictionary(f => f, f => (IReadOnlyList<string>)doc.GetValues(f)),
                doc.GetField(SearchFields.Fictional) is not null),
            SearchFields.Snippeted.Select(f => doc.Get(f) ?? "").ToList());

    /// <summary>
    /// The words with each unknown one replaced by its closest word in the index, or null when nothing changes. A word
    /// is unknown only when neither the index nor the Dutch word list knows it, whole or as a compound of known
    /// words: "gedrag" stays "gedrag" even when no item says it.
    /// </summary>
    private List<QueryPart>? Correct(IndexReader reader, IReadOnlyList<QueryPart> parts)
    {
        var changed = false;
        var corrected = new List<QueryPart>();
        foreach (var part in parts)
        {
            var word = FoldingAnalyzer.Fold(part.Text);
            if (part.IsPhrase || part.IsExcluded || word.Contains(' ') || IsKnown(reader, part.Text, word))
            {
                corrected.Add(part);
                continue;
            }
            var better = Corrections.Best(reader, SearchFields.Vocabulary, word);
            corrected.Add(better is null ? part : part with { Text = better });
            changed |= better is not null;
        }
        return changed ? corrected : null;
    }

    private bool IsKnown(IndexReader reader, string text, string folded)
    {
        if (index.Lexicon.Decompounder.IsKnown(folded))
            return true;
        var forms = QueryBuilder.Positions(index.QueryAnalyzer, text).SelectMany(p => p).ToList();
        if (forms.Count == 0)
            return true; // a stop word: nothing to correct
        return forms.Any(form => SearchFields.Searched.Any(f => TermStates.DocFreq(reader, f.Field, form) > 0));
    }

    /// <summary>
    /// Completions for what is being typed: titles that hold every word typed (question words aside), then words and
    /// compounds that items use in their titles and texts, as a whole search.
    /// </summary>
    public IReadOnlyList<Completion> Complete(string? text, int count = 8)
    {
        var words = FoldingAnalyzer.Tokens(FoldingAnalyzer.Instance, (text ?? "").Length > 100 ? text![..100] : text ?? "");
        if (words.Count == 0)
            return [];
        var searcher = index.Searchers.Acquire();
        try
        {
            var last = words[^1];
            var topical = words.SkipLast(1).Where(w => !QueryIntent.IsFiller(w)).ToList();
            var titleQuery = new BooleanQuery();
            foreach (var word in topical)
                titleQuery.Add(new PrefixQuery(new Term(SearchFields.TitleWords, word)), Occur.MUST);
            titleQuery.Add(new PrefixQuery(new Term(SearchFields.TitleWords, last)), Occur.MUST);
            var titles = searcher.Search(titleQuery, count / 2).ScoreDocs
                .Select(d => Stored(searcher, d.Doc).Hit)
                .Select(h => new Completion(h.Title, h.Url));
            var before = string.Join(' ', topical);
            var vocabulary = Corrections.Complete(searcher.IndexReader, SearchFields.TitleWords, last, count * 3)
                .Where(w => w.Length >= 4 && !QueryIntent.IsFiller(w))
                .Select(w => new Completion(before.Length == 0 ? w : before + " " + w, null));
            return titles.Concat(vocabulary).DistinctBy(c => c.Text).Take(count).ToList();
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>Items that share the most telling words with item <paramref name="id"/>, leaving out <paramref name="exclude"/> (items already on the page).</summary>
    public IReadOnlyList<SearchHit> MoreLikeThis(int id, int count = 4, IEnumerable<int>? exclude = null)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var found = searcher.Search(new TermQuery(new Term(SearchFields.Id, SearchIndex.Id(id))), 1);
            if (found.TotalHits == 0)
                return [];
            var like = new MoreLikeThis(searcher.IndexReader)
            {
                Analyzer = index.IndexAnalyzer,
                FieldNames = [SearchFields.Title, SearchFields.Summary, SearchFields.Body, SearchFields.Lessons, SearchFields.Tags],
                MinTermFreq = 1,
                MinDocFreq = 2,
                MinWordLen = 3,
                MaxQueryTerms = 30,
            };
            var query = new BooleanQuery
            {
                { like.Like(found.ScoreDocs[0].Doc), Occur.MUST },
                { new TermQuery(new Term(SearchFields.Id, SearchIndex.Id(id))), Occur.MUST_NOT },
            };
            foreach (var other in (exclude ?? []).Distinct().Take(200))
                query.Add(new TermQuery(new Term(SearchFields.Id, SearchIndex.Id(other))), Occur.MUST_NOT);
            return Hits(searcher, searcher.Search(query, count).ScoreDocs, new HashSet<string>());
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }
}
