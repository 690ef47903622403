using Kennisplatform.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// The topic of the best hits (the cluster hypothesis, on the site's own themes): when nearly all of a query's best hits
/// are about one theme, so is the query, and among its matches the items of that theme rank a little higher than items
/// that use the words about something else. Unlike <see cref="Feedback"/> it adds no item: it only reorders the matches,
/// by what editors said an item is about, not by which words it happens to use.
/// </summary>
internal static class Themes
{
    /// <summary>The best hits read for their themes.</summary>
    public const int Hits = 5;
    /// <summary>
    /// A theme counts only when this many of those hits hold it: a site has about ten themes, so two or three of five
    /// share one by chance ("café" finds language cafés, care cafés and repair cafés).
    /// </summary>
    private const int SharedBy = 4;
    /// <summary>How much the matches of the shared theme are favoured: enough to pass a match about another theme that scores a little higher, not one that scores far higher.</summary>
    public const float Factor = 1.3f;

    /// <summary>
    /// The items of the themes that at least <see cref="SharedBy"/> of <paramref name="best"/> (top-level document
    /// numbers, best first) hold, or null when they share none.
    /// </summary>
    public static Query? Shared(IndexReader reader, IReadOnlyList<int> best)
    {
        if (best.Count < SharedBy)
            return null;
        var leaves = reader.Leaves;
        var held = new Dictionary<string, int>(StringComparer.Ordinal);
        var value = new BytesRef();
        foreach (var doc in best.Take(Hits))
        {
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            if (leaf.AtomicReader.GetSortedSetDocValues(SearchFields.Theme) is not { } themes)
                continue;
            themes.SetDocument(doc - leaf.DocBase);
            for (var ord = themes.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = themes.NextOrd())
            {
                themes.LookupOrd(ord, value);
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(held, value.Utf8ToString(), out _)++;
            }
        }
        var items = new BooleanQuery(disableCoord: true);
        foreach (var (theme, count) in held.OrderBy(h => h.Key, StringComparer.Ordinal))
            if (count >= SharedBy)
            {
                var term = new Term(SearchFields.Theme, theme);
                items.Add(new ResolvedTermQuery(term, TermStates.Context(reader.Context, term)), Occur.SHOULD);
            }
        return items.Clauses.Count == 0 ? null : items;
    }
}
