using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// Counts facet values of every matching document while the hits are collected, from sorted-set doc values:
/// per segment by ordinal (an array increment a value), turned into strings once per segment.
/// Stands in for Lucene.Net.Facet, which our package registry does not have.
/// </summary>
internal sealed class FacetCounter(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> totals = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly SortedSetDocValues?[] values = new SortedSetDocValues?[fields.Count];
    private readonly int[][] counts = new int[fields.Count][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < fields.Count; i++)
        {
            values[i] = context.AtomicReader.GetSortedSetDocValues(fields[i]);
            counts[i] = values[i] is { } v ? new int[v.ValueCount] : [];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } docValues) continue;
            docValues.SetDocument(doc);
            for (var ord = docValues.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = docValues.NextOrd())
                counts[i][ord]++;
        }
    }

    /// <summary>Per facet field, its values with counts, most frequent first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result()
    {
        Flush();
        return totals.ToDictionary(
            t => t.Key,
            t => (IReadOnlyList<FacetValue>)t.Value.Select(v => new FacetValue(v.Key, v.Value))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList());
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } docValues) continue;
            for (var ord = 0; ord < counts[i].Length; ord++)
            {
                if (counts[i][ord] == 0) continue;
                docValues.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                totals[fields[i]][key] = totals[fields[i]].GetValueOrDefault(key) + counts[i][ord];
            }
            values[i] = null;
        }
    }
}

public sealed record FacetValue(string Value, int Count);
