using Lucene.Net.Search;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// The words of a query typed as keywords ("senioren eenzaamheid"), each an optional clause, with Lucene's coordination
/// factor squared: an item that has one of two words scores a quarter, not half, of
/// what it would with both. Each keyword was chosen, so an item about one of them alone ("eenzaamheid" said ten times)
/// should not outrank an item about both. A question keeps the plain factor: its verbs and general words ("betrek",
/// "buurt") need not be in the items that answer it.
/// </summary>
internal sealed class KeywordQuery : BooleanQuery
{
    public KeywordQuery() : base(disableCoord: false) { }

    /// <summary>Lucene's coordination factor (<see cref="Lucene.Net.Search.Similarities.Similarity.Coord"/>) as this query applies it.</summary>
    public static float Coordination(float coord) => coord * coord;

    public override Weight CreateWeight(IndexSearcher searcher) => new KeywordWeight(this, searcher);

    private sealed class KeywordWeight(KeywordQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, disableCoord: false)
    {
        public override float Coord(int overlap, int maxOverlap) => Coordination(base.Coord(overlap, maxOverlap));
    }
}
