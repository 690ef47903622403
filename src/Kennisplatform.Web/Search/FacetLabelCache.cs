using Kennisplatform.Web.Site;

namespace Kennisplatform.Web.Search;

/// <summary>
/// The facet labels, read from the database once per state of the index: theme and principle titles change only
/// through saves, and every save that reaches search raises <see cref="SearchIndexer.Generation"/>.
/// </summary>
public sealed class FacetLabelCache(SearchIndexer indexer)
{
    private (long Generation, FacetLabels Labels)? current;

    public async Task<FacetLabels> GetAsync(SiteQueries queries, CancellationToken cancellationToken)
    {
        var generation = indexer.Generation;
        if (current is { } cached && cached.Generation == generation)
            return cached.Labels;
        var labels = await FacetLabels.LoadAsync(queries, cancellationToken);
        current = (generation, labels);
        return labels;
    }
}
