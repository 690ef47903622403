using Kennisplatform.Content.Changes;
using Kennisplatform.Content.Pages;
using Kennisplatform.Web.Search;

namespace Kennisplatform.Web.Site;

/// <summary>
/// The pages every page links to in its footer, read from the database once per state of the content rather than on
/// every page view. The key is the one the output cache uses: the content version (raised when a save commits on this
/// node) and the index generation (raised when any node's change reaches this node's search, a scheduled page coming
/// due included). A snapshot is also read again after <see cref="MaxAge"/>, should this node's search fall behind.
/// </summary>
public sealed class FooterPagesCache(ContentChangeSignal changes, SearchIndexer indexer, TimeProvider clock, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private sealed record Snapshot(long Version, long Generation, DateTimeOffset ReadAt, IReadOnlyList<Page> Pages);

    private Snapshot? current;

    public async Task<IReadOnlyList<Page>> GetAsync(CancellationToken cancellationToken)
    {
        // Read the key before the pages: a save during the query leaves them under the older key, read again next time.
        var version = changes.Version;
        var generation = indexer.Generation;
        var now = clock.GetUtcNow();
        if (current is { } cached && cached.Version == version && cached.Generation == generation && now - cached.ReadAt < MaxAge)
            return cached.Pages;
        // The database is asked in a scope of its own, so a page whose footer is known rents no database context.
        await using var scope = scopes.CreateAsyncScope();
        var pages = await scope.ServiceProvider.GetRequiredService<SiteQueries>().FooterPagesAsync(cancellationToken);
        current = new Snapshot(version, generation, now, pages);
        return pages;
    }
}
