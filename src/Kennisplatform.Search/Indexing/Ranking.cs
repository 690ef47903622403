using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Kennisplatform.Search.Indexing;

/// <summary>
/// How a matched word is scored: BM25 instead of Lucene's classic TF-IDF, so a word said ten times counts little more
/// than said three times, and a long text is not punished as hard for its length (b 0.4 rather than 0.75: items
/// here are short, and a long case is long because it says more, not because it rambles). BM25 has no coordination
/// factor of its own; this one keeps classic Lucene's, so items with more of the query's words rank higher.
/// The index stores the norms this similarity reads: it must be set on the writer and on every searcher.
/// </summary>
public sealed class Ranking() : BM25Similarity(Saturation, LengthWeight)
{
    /// <summary>BM25 k1: how soon more of the same word stops counting.</summary>
    public const float Saturation = 1.2f;
    /// <summary>BM25 b: how much a long field is held against its matches.</summary>
    public const float LengthWeight = 0.4f;

    public static readonly Ranking Instance = new();

    public override float Coord(int overlap, int maxOverlap) => overlap / (float)maxOverlap;

    /// <summary>Makes searchers that score with <see cref="Ranking"/>.</summary>
    public sealed class Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Instance };
    }
}
