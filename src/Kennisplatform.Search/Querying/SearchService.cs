using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace Kennisplatform.Search.Querying;

/// <summary>Searches the index. Thread-safe: each call acquires the current near-real-time searcher.</summary>
public sealed class SearchService(SearchIndex index)
{
    public const int MaxPageSize = 50;
    /// <summary>Deep pages cost memory for every page before them; nobody reads result 10,000.</summary>
    public const int MaxPage = 100;
    /// <summary>Fewer hits than this and a better-known spelling is suggested.</summary>
    private const int FewResults = 3;

    private readonly QueryBuilder builder = new(index);

    public SearchResults Search(SearchRequest request)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var parts = UserQuery.Parse(request.Text);
            var results = Run(searcher, parts, request);
            if (!request.Correct || parts.Count == 0 || results.Total >= FewResults)
                return results;

            var corrected = Correct(searcher, parts);
            if (corrected is null)
                return results;
            var suggestion = UserQuery.Format(corrected);
            if (results.Total > 0)
                return results with { Suggestion = suggestion };
            var instead = Run(searcher, corrected, request);
            return instead.Total > 0 ? instead with { Suggestion = suggestion, SearchedInstead = suggestion } : results with { Suggestion = suggestion };
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    private SearchResults Run(IndexSearcher searcher, IReadOnlyList<QueryPart> parts, SearchRequest request)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(request.Page, 1, MaxPage);
        var (textQuery, terms) = builder.Build(parts, searcher.IndexReader);
        var query = WithFilters(textQuery ?? new MatchAllDocsQuery(), request.Filters);
        // Without words there is no relevance to rank by: show the newest first.
        var byDate = request.Sort == SearchSort.Newest || textQuery is null;

        var wanted = page * pageSize;
        ITopDocsCollector top = byDate
            ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true)), wanted, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false)
            : TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
        var facets = new FacetCounter(SearchFields.Facets);
        searcher.Search(query, MultiCollector.Wrap((ICollector)top, facets));

        var docs = top.GetTopDocs((page - 1) * pageSize, pageSize);
        var hits = docs.ScoreDocs.Select(d => ToHit(searcher, d, terms)).ToList();
        return new SearchResults
        {
            Total = top.TotalHits,
            Hits = hits,
            Facets = facets.Result(),
            Page = page,
            PageSize = pageSize,
        };
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

    private SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, IReadOnlySet<string> terms)
    {
        var doc = searcher.Doc(scoreDoc.Doc);
        var summary = doc.Get(SearchFields.Summary) ?? "";
        var snippet = terms.Count == 0
            ? System.Net.WebUtility.HtmlEncode(summary)
            : Snippets.Best(index.IndexAnalyzer, index.PhraseAnalyzer, terms, summary, doc.Get(SearchFields.Body) ?? "");
        return new SearchHit(
            int.Parse(doc.Get(SearchFields.Id), System.Globalization.CultureInfo.InvariantCulture),
            doc.Get(SearchFields.Type) ?? "",
            doc.Get(SearchFields.Slug) ?? "",
            doc.Get(SearchFields.Title) ?? "",
            doc.Get(SearchFields.Url) ?? "",
            summary,
            snippet,
            new DateTime(doc.GetField(SearchFields.Published)?.GetInt64Value() ?? 0, DateTimeKind.Utc),
            float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score,
            SearchFields.Facets.Where(f => f != SearchFields.Type)
                .ToDictionary(f => f, f => (IReadOnlyList<string>)doc.GetValues(f)));
    }

    /// <summary>The query with each unknown word replaced by its closest known word, or null when nothing changes.</summary>
    private List<QueryPart>? Correct(IndexSearcher searcher, IReadOnlyList<QueryPart> parts)
    {
        var changed = false;
        var corrected = new List<QueryPart>();
        foreach (var part in parts)
        {
            if (part.IsPhrase || part.IsExcluded || IsKnown(searcher.IndexReader, part.Text))
            {
                corrected.Add(part);
                continue;
            }
            var word = FoldingAnalyzer.Fold(part.Text);
            var better = word.Contains(' ') ? null : Corrections.Best(searcher.IndexReader, SearchFields.Vocabulary, word);
            corrected.Add(better is null ? part : part with { Text = better });
            changed |= better is not null;
        }
        return changed ? corrected : null;
    }

    /// <summary>A word is known when any searched field holds one of its analysed forms.</summary>
    private bool IsKnown(IndexReader reader, string word)
    {
        var forms = QueryBuilder.Positions(index.QueryAnalyzer, word).SelectMany(p => p).ToList();
        if (forms.Count == 0)
            return true; // a stop word: nothing to correct
        return forms.Any(form => SearchFields.Searched.Any(f => reader.DocFreq(new Term(f.Field, form)) > 0));
    }

    /// <summary>Completions for what is being typed: titles that contain words starting with it, then vocabulary words.</summary>
    public IReadOnlyList<Completion> Complete(string? text, int count = 8)
    {
        var words = FoldingAnalyzer.Tokens(FoldingAnalyzer.Instance, (text ?? "").Length > 100 ? text![..100] : text ?? "");
        if (words.Count == 0)
            return [];
        var searcher = index.Searchers.Acquire();
        try
        {
            var last = words[^1];
            var titleQuery = new BooleanQuery();
            foreach (var word in words.SkipLast(1))
                titleQuery.Add(new TermQuery(new Term(SearchFields.TitleWords, word)), Occur.MUST);
            titleQuery.Add(new PrefixQuery(new Term(SearchFields.TitleWords, last)), Occur.MUST);
            var titles = searcher.Search(titleQuery, count / 2).ScoreDocs
                .Select(d => searcher.Doc(d.Doc))
                .Select(d => new Completion(d.Get(SearchFields.Title), d.Get(SearchFields.Url)));
            var before = string.Join(' ', words.SkipLast(1));
            var vocabulary = Corrections.Complete(searcher.IndexReader, SearchFields.Vocabulary, last, count)
                .Select(w => new Completion(before.Length == 0 ? w : before + " " + w, null));
            return titles.Concat(vocabulary).DistinctBy(c => c.Text).Take(count).ToList();
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>Items that share the most telling words with item <paramref name="id"/>.</summary>
    public IReadOnlyList<SearchHit> MoreLikeThis(int id, int count = 4)
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
                FieldNames = [SearchFields.Title, SearchFields.Summary, SearchFields.Body, SearchFields.Tags],
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
            return searcher.Search(query, count).ScoreDocs.Select(d => ToHit(searcher, d, new HashSet<string>())).ToList();
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }
}
