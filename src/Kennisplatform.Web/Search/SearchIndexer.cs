using System.Collections.Concurrent;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Changes;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;
using Kennisplatform.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Search;

/// <summary>
/// Keeps this node's search index in step with the database. The index is derived data: on start it is rebuilt
/// when missing, unreadable or made with other word lists, and otherwise catches up from the change log. While
/// running it applies new change-log rows as soon as a save in this process signals one (or within
/// <see cref="IndexingOptions.PollInterval"/> for saves on other nodes), indexes scheduled items when their moment comes, and
/// searches with the synonym list a beheerder stored (<see cref="SearchSynonyms"/>) from the round after it changed.
/// Searches never wait for indexing: they use the last near-real-time searcher.
/// </summary>
public sealed class SearchIndexer(
    IServiceScopeFactory scopes, IOptions<PlatformOptions> options, IOptions<IndexingOptions> indexing, ContentChangeSignal signal,
    BuildSearchDocument document, SearchSynonyms synonyms, TimeProvider clock, ILogger<SearchIndexer> log) : BackgroundService
{
    private const int BatchSize = 500;

    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly ConcurrentDictionary<int, byte> skipped = new();
    private SearchIndex? index;
    private SearchService? service;
    private DateTime dueCheckedUpTo;
    private long generation;
    private ChangePosition position = ChangePosition.After(0);

    /// <summary>Raised each time changes become visible to searches; part of the key of cached responses.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>After changes reached the index (saves, and scheduled items whose moment came): what depends on it can refresh.</summary>
    public event Action? Applied;

    /// <summary>Visible items left out of the index because their search document could not be built (logged with their id).</summary>
    public IReadOnlyCollection<int> Skipped => skipped.Keys.Order().ToList();

    public SearchService Search => service ?? throw new InvalidOperationException("Call PrepareAsync at start-up before searching.");

    public bool IsOpen => index is not null;

    public SearchIndex Index => index ?? throw new InvalidOperationException("Call PrepareAsync at start-up before indexing.");

    /// <summary>Where this node stands in the change log, gaps included.</summary>
    public ChangePosition Position => Volatile.Read(ref position);

    /// <summary>Opens the index, rebuilding or catching up as needed. Called once at start-up, before requests are served.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Open();
        if (index!.NeedsRebuild)
        {
            log.LogInformation("Search index missing, unreadable or made with other word lists: rebuilding");
            await RebuildAsync(null, cancellationToken);
            await CatchUpAsync(cancellationToken); // saves made meanwhile, and a stored synonym list
        }
        else
        {
            dueCheckedUpTo = index.CommittedAt;
            Volatile.Write(ref position, ChangePosition.After(index.LastChange));
            await CatchUpAsync(cancellationToken);
        }
        log.LogInformation("Search index ready: {Count} items", index.DocumentCount);
    }

    /// <summary>Opens the index on disk without filling it; <see cref="PrepareAsync"/> and the reindex verb start here.</summary>
    public void Open()
    {
        if (index is not null)
            return;
        var settings = options.Value;
        index = SearchIndex.Open(settings.IndexFolder, SearchLexicon.Load(settings.SearchLexiconFolder));
        service = new SearchService(index);
    }

    /// <summary>Empties the index and fills it with every visible item. Returns the number indexed.</summary>
    public async Task<int> RebuildAsync(IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            var now = clock.GetUtcNow().UtcDateTime;
            // Read the change-log position first: anything saved while rebuilding is applied by the next catch-up.
            var start = await db.PositionNowAsync(now, cancellationToken);
            var ids = await db.Items.AsNoTracking().VisibleAt(now).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);

            Index.DeleteAll();
            skipped.Clear();
            foreach (var (batch, number) in ids.Chunk(BatchSize).Select((b, n) => (b, n)))
            {
                foreach (var item in await LoadAsync(db, batch, cancellationToken))
                    Upsert(item, now);
                progress?.Report(new("indexeren", Math.Min(ids.Count, (number + 1) * BatchSize), ids.Count));
            }
            Index.Refresh();
            Index.Commit(start.Settled, now);
            Volatile.Write(ref position, start);
            dueCheckedUpTo = now;
            Interlocked.Increment(ref generation);
            Applied?.Invoke();
            return ids.Count;
        }
        finally
        {
            writing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = signal.Version;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(seen, indexing.Value.PollInterval, stoppingToken);
                // Noted before reading the change log: a save committed while catching up wakes the next round at once.
                seen = signal.Version;
                await CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The site keeps serving the last good index; the next round tries again.
                log.LogError(e, "Updating the search index failed");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    /// <summary>Applies change-log rows this node has not seen (late ones included), and items whose publication moment has passed.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (index is null)
            return;
        await writing.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            if (await synonyms.ApplyIfChangedAsync(db, index, log, cancellationToken))
            {
                Interlocked.Increment(ref generation);
                Applied?.Invoke();
            }
            while (true)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var before = Position;
                var batch = await db.ReadAsync(before, BatchSize, now, indexing.Value.LateChangeGrace, cancellationToken);
                var from = dueCheckedUpTo;
                var due = await db.Items.AsNoTracking().VisibleAt(now).Where(i => i.PublishedAt > from)
                    .Select(i => i.Id).ToListAsync(cancellationToken);
                if (batch.Changes.Count == 0 && due.Count == 0)
                {
                    Volatile.Write(ref position, batch.Next);
                    dueCheckedUpTo = now;
                    return;
                }

                await ApplyAsync(db, batch.Changes.Select(c => c.ItemId).Concat(due).ToHashSet(), now, cancellationToken);
                index.Commit(batch.Next.Settled, now);
                Volatile.Write(ref position, batch.Next);
                dueCheckedUpTo = now;
                Interlocked.Increment(ref generation);
                Applied?.Invoke();
                if (batch.Changes.Count(c => c.Id > before.Highest) < BatchSize)
                    return;
            }
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Puts the current state of <paramref name="ids"/> (and of what links to a changed theme, principle or failure pattern) in the index.</summary>
    private async Task ApplyAsync(ContentDb db, HashSet<int> ids, DateTime now, CancellationToken cancellationToken)
    {
        var items = await LoadAsync(db, ids, cancellationToken);
        // A renamed theme, principle or failure pattern changes the words of everything linked to it.
        var linkedIds = await LinkedItemIdsAsync(db, items, cancellationToken);
        items.AddRange(await LoadAsync(db, linkedIds.Except(ids), cancellationToken));
        ids.UnionWith(linkedIds);

        var byId = items.ToDictionary(i => i.Id);
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var item) && item.IsVisibleAt(now))
                Upsert(item, now);
            else
            {
                Index.Delete(id);
                skipped.TryRemove(id, out _);
            }
        }
        Index.Refresh();
    }

    /// <summary>
    /// Indexes one item. An item whose document cannot be built is logged, counted and left out of the index, so one
    /// bad item never holds up the rest of the batch (the change log moves on; the next save of the item tries again).
    /// </summary>
    private void Upsert(ContentItem item, DateTime now)
    {
        SearchDocument built;
        try
        {
            built = document(item, now);
        }
        catch (Exception e)
        {
            log.LogError(e, "Search document of item {Id} ({Type} '{Slug}') could not be built: left out of the index", item.Id, item.Kind, item.Slug);
            Index.Delete(item.Id);
            skipped[item.Id] = 0;
            return;
        }
        Index.Upsert(built);
        skipped.TryRemove(item.Id, out _);
    }

    private static Task<List<ContentItem>> LoadAsync(ContentDb db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        return db.Items.AsNoTracking().WithLinks().Where(i => wanted.Contains(i.Id)).ToListAsync(cancellationToken);
    }

    private static async Task<List<int>> LinkedItemIdsAsync(ContentDb db, List<ContentItem> items, CancellationToken cancellationToken)
    {
        var themes = items.Where(i => i.Kind == ContentType.Theme).Select(i => i.Id).ToList();
        var principles = items.Where(i => i.Kind == ContentType.Principle).Select(i => i.Id).ToList();
        var patterns = items.Where(i => i.Kind == ContentType.FailurePattern).Select(i => i.Id).ToList();
        if (themes.Count == 0 && principles.Count == 0 && patterns.Count == 0)
            return [];
        return await db.Items.AsNoTracking()
            .Where(i => i.Themes.Any(t => themes.Contains(t.Id)) || i.Principles.Any(p => principles.Contains(p.Id))
                || ((Case)i).FailurePatterns.Any(p => patterns.Contains(p.Id)))
            .Select(i => i.Id).ToListAsync(cancellationToken);
    }

    public override void Dispose()
    {
        base.Dispose();
        index?.Dispose();
        writing.Dispose();
    }
}
