using System.Numerics;
using System.Runtime.CompilerServices;
using Kennisplatform.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// Counts facet values of every matching document while the hits are collected. Stands in for Lucene.Net.Facet,
/// which our package registry does not have. Each segment's doc values are decoded once into plain arrays
/// (segments never change, so the arrays are cached per segment core until the segment is merged away); counting
/// is then an array increment per facet per hit.
/// </summary>
internal sealed class FacetCounter : ICollector
{
    private readonly IReadOnlyList<string> fields;
    private readonly Dictionary<string, Dictionary<string, int>> totals;
    private SegmentFacets? segment;
    private int[][] counts = [];

    public FacetCounter(IReadOnlyList<string> fields)
    {
        this.fields = fields;
        totals = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        segment = SegmentFacets.For(context.AtomicReader, fields);
        counts = segment.Values.Select(v => new int[v.Length]).ToArray();
    }

    public void Collect(int doc)
    {
        var facets = segment!;
        for (var i = 0; i < counts.Length; i++)
        {
            var starts = facets.Starts[i];
            var ords = facets.Ordinals[i];
            var count = counts[i];
            for (var at = starts[doc]; at < starts[doc + 1]; at++)
                count[ords[at]]++;
        }
    }

    /// <summary>
    /// Counts every document of one segment whose bit is set in <paramref name="bits"/> (64 documents a word), a field at
    /// a time: what <see cref="TermAtATime"/> found, without a call per hit.
    /// </summary>
    public void CountSegment(AtomicReaderContext context, ulong[] bits, int words)
    {
        SetNextReader(context);
        var facets = segment!;
        for (var i = 0; i < counts.Length; i++)
        {
            var count = counts[i];
            if (facets.Single[i] is { } single)
            {
                for (var w = 0; w < words; w++)
                    for (var word = bits[w]; word != 0; word &= word - 1)
                    {
                        var ord = single[(w << 6) + BitOperations.TrailingZeroCount(word)];
                        if (ord >= 0) count[ord]++;
                    }
                continue;
            }
            var starts = facets.Starts[i];
            var ords = facets.Ordinals[i];
            for (var w = 0; w < words; w++)
                for (var word = bits[w]; word != 0; word &= word - 1)
                {
                    var doc = (w << 6) + BitOperations.TrailingZeroCount(word);
                    for (var at = starts[doc]; at < starts[doc + 1]; at++)
                        count[ords[at]]++;
                }
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
        if (segment is null) return;
        for (var i = 0; i < counts.Length; i++)
            for (var ord = 0; ord < counts[i].Length; ord++)
                if (counts[i][ord] > 0)
                {
                    var key = segment.Values[i][ord];
                    totals[fields[i]][key] = totals[fields[i]].GetValueOrDefault(key) + counts[i][ord];
                }
        segment = null;
    }

    /// <summary>
    /// One segment's facet values as arrays: for field i, document d has the ordinals Ordinals[i][Starts[i][d] ..
    /// Starts[i][d + 1]), and Values[i][ordinal] is the value's text.
    /// </summary>
    private sealed class SegmentFacets
    {
        private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = new();

        public required int[][] Starts { get; init; }
        public required int[][] Ordinals { get; init; }
        public required string[][] Values { get; init; }
        /// <summary>For a field with at most one value a document, its ordinal per document (-1 for none); else null.</summary>
        public required int[]?[] Single { get; init; }

        public static SegmentFacets For(AtomicReader reader, IReadOnlyList<string> fields) =>
            // The core key is shared by every reopened view of the same segment; deletes do not change it.
            Cache.GetValue(reader.CoreCacheKey, _ => Decode(reader, fields));

        private static SegmentFacets Decode(AtomicReader reader, IReadOnlyList<string> fields)
        {
            var docs = reader.MaxDoc;
            var starts = new int[fields.Count][];
            var ordinals = new int[fields.Count][];
            var values = new string[fields.Count][];
            var single = new int[]?[fields.Count];
            var bytes = new BytesRef();
            for (var i = 0; i < fields.Count; i++)
            {
                var start = new int[docs + 1];
                var found = new List<int>(docs);
                if (SearchFields.MultiValued.Contains(fields[i]))
                {
                    var set = reader.GetSortedSetDocValues(fields[i]);
                    values[i] = Texts(set?.ValueCount ?? 0, (ord, b) => set!.LookupOrd(ord, b), bytes);
                    for (var doc = 0; doc < docs; doc++)
                    {
                        start[doc] = found.Count;
                        if (set is null) continue;
                        set.SetDocument(doc);
                        for (var ord = set.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = set.NextOrd())
                            found.Add((int)ord);
                    }
                }
                else
                {
                    var one = reader.GetSortedDocValues(fields[i]);
                    values[i] = Texts(one?.ValueCount ?? 0, (ord, b) => one!.LookupOrd((int)ord, b), bytes);
                    var perDoc = new int[docs];
                    for (var doc = 0; doc < docs; doc++)
                    {
                        start[doc] = found.Count;
                        var ord = one?.GetOrd(doc) ?? -1;
                        perDoc[doc] = ord;
                        if (ord >= 0) found.Add(ord);
                    }
                    single[i] = perDoc;
                }
                start[docs] = found.Count;
                starts[i] = start;
                ordinals[i] = found.ToArray();
            }
            return new SegmentFacets { Starts = starts, Ordinals = ordinals, Values = values, Single = single };
        }

        private static string[] Texts(long count, Action<long, BytesRef> lookup, BytesRef bytes)
        {
            var texts = new string[count];
            for (var ord = 0; ord < count; ord++)
            {
                lookup(ord, bytes);
                texts[ord] = bytes.Utf8ToString();
            }
            return texts;
        }
    }
}

public sealed record FacetValue(string Value, int Count);
