using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Kennisplatform.Search.Indexing;

/// <summary>
/// How a matched word is scored: BM25 instead of Lucene's classic TF-IDF, so a word said ten times counts little more
/// than said three times, and a long text is not punished as hard for its length (b 0.4 rather than 0.75: items
/// here are short, and a long case is long because it says more, not because it rambles). BM25 has no coordination
/// factor of its own; this one keeps classic Lucene's, so items with more of the query's words rank higher.
/// The index stores the norms this similarity reads: it must be set on the writer and on every searcher.
/// <para>
/// Scores and norms are exactly those of Lucene's <see cref="BM25Similarity"/> (a test holds them side by side), but
/// the work per word is less: Lucene's version builds a table of 256 length factors for every word of every query,
/// though the table depends only on the field's average length. A query here has about 150 (field, form) words, and
/// those tables were a tenth of a search request's CPU. This one keeps a table per average length.
/// </para>
/// </summary>
public sealed class Ranking : Similarity
{
    /// <summary>BM25 k1: how soon more of the same word stops counting.</summary>
    public const float Saturation = 1.2f;
    /// <summary>BM25 b: how much a long field is held against its matches.</summary>
    public const float LengthWeight = 0.4f;

    public static readonly Ranking Instance = new();

    /// <summary>A field's length for each of the 256 norm bytes, as Lucene encodes them (boost / √length, 3 bits of mantissa).</summary>
    private static readonly float[] Lengths = Enumerable.Range(0, 256)
        .Select(i => SmallSingle.SByte315ToSingle((sbyte)i))
        .Select(f => 1f / (f * f)).ToArray();

    /// <summary>
    /// Tables of length factors by average field length. A field's average changes with every change to the index, so
    /// the tables are dropped now and then rather than kept for ever.
    /// </summary>
    private readonly ConcurrentDictionary<float, float[]> lengthFactors = new();
    private const int KeptTables = 64;

    private Ranking() { }

    public override float Coord(int overlap, int maxOverlap) => overlap / (float)maxOverlap;

    public override long ComputeNorm(FieldInvertState state) =>
        SmallSingle.SingleToByte315(state.Boost / (float)Math.Sqrt(state.Length - state.NumOverlap));

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        var idf = 0f;
        foreach (var term in termStats)
            idf += (float)Math.Log(1 + (collectionStats.MaxDoc - term.DocFreq + 0.5D) / (term.DocFreq + 0.5D));
        var total = collectionStats.SumTotalTermFreq;
        var average = total <= 0 ? 1f : (float)(total / (double)collectionStats.MaxDoc);
        return new Weight(collectionStats.Field, idf, queryBoost, LengthFactors(average));
    }

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        var w = (Weight)weight;
        return new Scorer(w.Value * (Saturation + 1), w.LengthFactors, context.AtomicReader.GetNormValues(w.Field));
    }

    /// <summary>For each norm byte: k1 · (1 − b + b · length / average length).</summary>
    private float[] LengthFactors(float average)
    {
        if (lengthFactors.TryGetValue(average, out var kept))
            return kept;
        var factors = new float[256];
        for (var i = 0; i < factors.Length; i++)
            factors[i] = Saturation * ((1 - LengthWeight) + LengthWeight * Lengths[i] / average);
        if (lengthFactors.Count >= KeptTables)
            lengthFactors.Clear();
        lengthFactors[average] = factors;
        return factors;
    }

    private sealed class Weight(string field, float idf, float queryBoost, float[] lengthFactors) : SimWeight
    {
        public string Field { get; } = field;
        public float[] LengthFactors { get; } = lengthFactors;
        /// <summary>idf · the query's boost · the boost of the query around it.</summary>
        public float Value { get; private set; }

        // BM25 does not normalise: this is only what a classic query norm would be given, as Lucene's BM25 gives it.
        public override float GetValueForNormalization()
        {
            var weight = idf * queryBoost;
            return weight * weight;
        }

        public override void Normalize(float queryNorm, float topLevelBoost) => Value = idf * queryBoost * topLevelBoost;
    }

    private sealed class Scorer(float weight, float[] lengthFactors, NumericDocValues? norms) : SimScorer
    {
        // Without norms a field is scored as if b were 0.
        public override float Score(int doc, float freq) =>
            weight * freq / (freq + (norms is null ? Saturation : lengthFactors[(sbyte)norms.Get(doc) & 0xFF]));

        public override float ComputeSlopFactor(int distance) => 1f / (distance + 1);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1f;
    }

    /// <summary>Makes searchers that score with <see cref="Ranking"/> and keep each field's statistics.</summary>
    public sealed class Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new KeepingSearcher(reader) { Similarity = Instance };
    }

    /// <summary>
    /// A searcher that works out a field's collection statistics once: every (field, form) word of a query asked for
    /// them again, and a searcher's reader never changes.
    /// </summary>
    private sealed class KeepingSearcher(IndexReader reader) : IndexSearcher(reader)
    {
        private readonly ConcurrentDictionary<string, CollectionStatistics> statistics = new(StringComparer.Ordinal);

        public override CollectionStatistics CollectionStatistics(string field) =>
            statistics.GetOrAdd(field, static (f, searcher) => searcher.Compute(f), this);

        private CollectionStatistics Compute(string field) => base.CollectionStatistics(field);
    }
}
