using Kennisplatform.Web.Site;

namespace Kennisplatform.Web.Search;

/// <summary>
/// The facet labels, read from the database once per state of the index: theme and principle titles change only
/// through saves, and every save that reaches search raises <see cref="SearchIndexer.Generation"/>. The database is
/// only asked on a miss, in a scope of its own, so a search whose labels are known rents no database context.
/// </summary>
public sealed class FacetLabelCache(SearchIndexer indexer, IServiceScopeFactory scopes)
{
    /// <summary>A reference, so a reader sees a whole entry or the one before it, never a torn pair.</summary>
    private sealed record Entry(long Generation, FacetLabels Labels);

    private Entry? current;

    public async Task<FacetLabels> GetAsync(CancellationToken cancellationToken)
    {
        var generation = indexer.Generation;
        if (Volatile.Read(ref current) is { } cached && cached.Generation == generation)
            return cached.Labels;
        await using var scope = scopes.CreateAsyncScope();
        var labels = await FacetLabels.LoadAsync(scope.ServiceProvider.GetRequiredService<SiteQueries>(), cancellationToken);
        Volatile.Write(ref current, new Entry(generation, labels));
        return labels;
    }
}
