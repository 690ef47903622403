using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// Pseudo-relevance feedback: the words that the best few hits of a query share, and that few items use, say what the
/// query is about in the words of the texts ("geveltuin": tegels, planten). Sought besides the query's own words, far
/// below them, they find items that say the same thing without the word typed.
/// </summary>
internal static class Feedback
{
    /// <summary>The best hits read for their words.</summary>
    public const int Hits = 3;
    /// <summary>A word counts only when at least this many of those hits use it: one text's quirks say nothing.</summary>
    private const int SharedBy = 2;
    private const int MaxWords = 5;
    /// <summary>A word that more than this share of the items hold says too little to rank by.</summary>
    private const double MaxShare = 0.1;
    /// <summary>Short forms ("jaar", "wel") are mostly common words the stop list lets through.</summary>
    private const int MinLength = 4;

    /// <summary>
    /// The analysed forms shared by the texts of the best hits, rarest and most shared first, leaving out the forms the
    /// query already seeks.
    /// </summary>
    public static IReadOnlyList<string> Words(IndexReader reader, Analyzer analyzer, IEnumerable<IEnumerable<string>> texts, IReadOnlySet<string> sought)
    {
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var form in text.SelectMany(t => FoldingAnalyzer.Tokens(analyzer, t, SearchFields.Body)).Distinct())
                shared[form] = shared.GetValueOrDefault(form) + 1;
        var items = reader.NumDocs;
        var common = Math.Max(SharedBy, items * MaxShare);
        return shared
            .Where(s => s.Value >= SharedBy && s.Key.Length >= MinLength && !sought.Contains(s.Key))
            .Select(s => (Form: s.Key, Shared: s.Value, Held: reader.DocFreq(new Term(SearchFields.Body, s.Key)) + reader.DocFreq(new Term(SearchFields.Title, s.Key))))
            .Where(s => s.Held > 0 && s.Held <= common)
            .OrderByDescending(s => s.Shared * Math.Log((double)items / s.Held))
            .ThenBy(s => s.Form, StringComparer.Ordinal)
            .Take(MaxWords)
            .Select(s => s.Form)
            .ToList();
    }
}
