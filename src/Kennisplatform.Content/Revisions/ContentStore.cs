using Kennisplatform.Content.Changes;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Revisions;

/// <summary>What a bulk caller already knows, to spare a query per item.</summary>
internal sealed record StageHints(string? LatestSnapshot, int LastRevisionNumber, bool SlugIsUnique);

public enum SaveOutcome { Saved, Unchanged, Invalid, Conflict }

/// <summary>What a save did. On a conflict, <see cref="CurrentSnapshot"/> holds the version someone else saved.</summary>
public sealed record SaveResult(SaveOutcome Outcome, IReadOnlyList<ValidationError> Errors, string? CurrentSnapshot = null)
{
    public static readonly SaveResult Saved = new(SaveOutcome.Saved, []);
    public static readonly SaveResult Unchanged = new(SaveOutcome.Unchanged, []);
}

/// <summary>
/// Saves content the way every editor and import does: rules checked, slug made unique, old slug kept
/// as an alias, version raised, and a revision with the full content stored in the same transaction.
/// </summary>
public sealed class ContentStore(ContentDb db, TimeProvider clock, ContentChangeSignal? signal = null)
{
    /// <summary>
    /// Saves a new or tracked item. <paramref name="expectedVersion"/> is the version the editor started from:
    /// when someone saved in between, nothing is written and the result is a conflict. Entities in
    /// <paramref name="alongside"/> (a story's private contact details) are inserted in the same transaction, or not at all.
    /// </summary>
    public async Task<SaveResult> SaveAsync(ContentItem item, string author, int expectedVersion, CancellationToken cancellationToken = default, IReadOnlyList<object>? alongside = null)
    {
        if (item.Slug.Length == 0)
            item.Slug = SlugRules.FromTitle(item.Title);
        var errors = item.Validate().ToList();
        if (errors.Count > 0)
            return new(SaveOutcome.Invalid, errors);

        var entry = db.Entry(item);
        if (entry.State == EntityState.Detached && item.Id != 0)
            throw new InvalidOperationException("Load an existing item with LoadForEditAsync before saving it; a detached copy cannot be checked for conflicts.");
        if (entry.State == EntityState.Detached)
            // A new item may link to items loaded elsewhere: those exist already and are attached, not inserted.
            db.ChangeTracker.TrackGraph(item, node => node.Entry.State = node.Entry.IsKeySet ? EntityState.Unchanged : EntityState.Added);
        else if (entry.Property(i => i.Version).OriginalValue != expectedVersion)
            return await ConflictAsync(item.Id, cancellationToken); // the editor started from an older version than the one loaded now

        var changed = await StageAsync(item, author, cancellationToken);
        foreach (var entity in alongside ?? [])
            db.Add(entity);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (changed)
                await RecordChangesAsync([item], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (changed)
                signal?.Raise();
            return changed ? SaveResult.Saved : SaveResult.Unchanged;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between loading and writing: the UPDATE's version check matched no row.
            return await ConflictAsync(item.Id, cancellationToken);
        }
    }

    private async Task<SaveResult> ConflictAsync(int itemId, CancellationToken cancellationToken)
    {
        DetachChanges();
        var current = await CurrentSnapshotAsync(itemId, cancellationToken);
        return new(SaveOutcome.Conflict, [new("version", "Iemand anders heeft dit item opgeslagen nadat jij begon. Jouw versie is niet opgeslagen; vergelijk beide versies.")], current);
    }

    /// <summary>
    /// Prepares a save without writing: unique slug, alias for a renamed slug, and, when the content differs from
    /// the last revision, a new version and revision. Returns whether anything changed.
    /// </summary>
    internal async Task<bool> StageAsync(ContentItem item, string author, CancellationToken cancellationToken, StageHints? hints = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = db.Entry(item);
        var isNew = entry.State == EntityState.Added;
        var type = item.Kind.Code();

        if (item.Slug.Length == 0)
            item.Slug = SlugRules.FromTitle(item.Title);
        if (hints is not { SlugIsUnique: true })
            await MakeSlugUniqueAsync(item, type, cancellationToken);

        if (!isNew)
        {
            var oldSlug = entry.Property(i => i.Slug).OriginalValue;
            if (oldSlug != item.Slug)
            {
                var aliases = await db.Aliases.Where(a => a.Type == type && (a.Slug == oldSlug || a.Slug == item.Slug)).ToListAsync(cancellationToken);
                db.Aliases.RemoveRange(aliases);
                db.Aliases.Add(new SlugAlias { Item = item, Type = type, Slug = oldSlug });
            }
        }

        item.Author = item.Author.Length == 0 ? author : item.Author;
        var snapshot = ContentFile.Write(item);
        if (!isNew)
        {
            var latest = hints is not null ? hints.LatestSnapshot : await CurrentSnapshotAsync(item.Id, cancellationToken);
            if (latest == snapshot)
                return false;
        }

        var number = isNew ? 1
            : hints is not null ? hints.LastRevisionNumber + 1
            : await db.Revisions.Where(r => r.ItemId == item.Id).MaxAsync(r => (int?)r.Number, cancellationToken) + 1 ?? 1;
        if (isNew)
            item.CreatedAt = now;
        item.UpdatedAt = now;
        item.Version = isNew ? 1 : entry.Property(i => i.Version).OriginalValue + 1;
        db.Revisions.Add(new Revision
        {
            Item = item,
            Number = number,
            CreatedAt = now,
            Author = author,
            Title = item.Title,
            Status = item.Status,
            Snapshot = snapshot,
        });
        return true;
    }

    private async Task MakeSlugUniqueAsync(ContentItem item, string type, CancellationToken cancellationToken)
    {
        var stored = await db.Items.Where(i => EF.Property<string>(i, ContentItemConfiguration.Discriminator) == type && i.Id != item.Id)
            .Select(i => i.Slug).ToListAsync(cancellationToken);
        var staged = db.ChangeTracker.Entries<ContentItem>()
            .Where(e => e.Entity != item && e.Entity.Kind == item.Kind && e.State != EntityState.Deleted).Select(e => e.Entity.Slug);
        var taken = stored.Concat(staged).ToHashSet(StringComparer.Ordinal);
        item.Slug = SlugRules.MakeUnique(item.Slug, taken.Contains);
    }

    /// <summary>
    /// Adds a change-log row for each saved item. Called after the items are written (a new item has an id only then),
    /// inside the caller's transaction, so the log and the content never disagree.
    /// </summary>
    internal async Task RecordChangesAsync(IEnumerable<ContentItem> items, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Changes.AddRange(items.Select(i => new ContentChange { ItemId = i.Id, At = now }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Saves what belongs to <paramref name="item"/> without being part of its revisions, such as a follow-up on a case,
    /// with a change-log row for the item in the same transaction: its search document and cached pages catch up.
    /// </summary>
    public async Task SaveBesideAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await RecordChangesAsync([item], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Announce();
    }

    /// <summary>Tells listeners in this process that a bulk save (such as an import) has been committed.</summary>
    internal void Announce() => signal?.Raise();

    /// <summary>The revisions of an item, newest first, without their snapshots: a long history lists cheaply.</summary>
    public Task<List<RevisionSummary>> RevisionsAsync(int itemId, CancellationToken cancellationToken = default) =>
        db.Revisions.AsNoTracking().Where(r => r.ItemId == itemId).OrderByDescending(r => r.Number)
            .Select(r => new RevisionSummary(r.Id, r.Number, r.CreatedAt, r.Author, r.Title, r.Status)).ToListAsync(cancellationToken);

    /// <summary>The snapshots of the revisions <paramref name="numbers"/> of an item, by number.</summary>
    public Task<Dictionary<int, string>> SnapshotsAsync(int itemId, IReadOnlyCollection<int> numbers, CancellationToken cancellationToken = default) =>
        db.Revisions.AsNoTracking().Where(r => r.ItemId == itemId && numbers.Contains(r.Number))
            .ToDictionaryAsync(r => r.Number, r => r.Snapshot, cancellationToken);

    /// <summary>
    /// Puts the content of an earlier revision back. This is itself a save, so it makes a new revision
    /// and refuses a stale <paramref name="expectedVersion"/> like any other save.
    /// </summary>
    public async Task<SaveResult> RestoreAsync(int revisionId, string author, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId, cancellationToken)
            ?? throw new ContentRuleException("Deze versie bestaat niet (meer).");
        var item = await LoadForEditAsync(revision.ItemId, cancellationToken)
            ?? throw new ContentRuleException("Het item van deze versie bestaat niet meer.");

        var (document, problems) = FrontMatter.Parse(revision.Snapshot);
        if (document is null || problems.Count > 0)
            throw new InvalidOperationException($"Revision {revisionId} holds an unreadable snapshot.");
        var readProblems = ContentReader.Apply(item, document, await PreloadedLookup.LoadAsync(db, item.Kind, document.Fields, cancellationToken));
        if (readProblems.Count > 0)
            return new(SaveOutcome.Invalid, readProblems.Select(p => new ValidationError("revision", p.Message)).ToList());
        item.Slug = document[ContentFields.SlugKey]?.Scalar ?? item.Slug;
        return await SaveAsync(item, author, expectedVersion, cancellationToken);
    }

    /// <summary>
    /// Applies values posted by an editor, key by key, with the same reader as content files, so a form and a file
    /// follow the same rules. Workflow keys (status, published, author) keep their current values. Returns problems per key.
    /// </summary>
    public async Task<IReadOnlyList<ValidationError>> ApplyEditsAsync(ContentItem item, IReadOnlyDictionary<string, FileValue> posted, string body, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, FileValue>(StringComparer.Ordinal);
        foreach (var field in ContentFields.For(item.Kind))
        {
            if (ContentFields.WorkflowKeys.Contains(field.Key))
            {
                if (field.Write(item) is { } current)
                    values[field.Key] = current;
            }
            else if (posted.TryGetValue(field.Key, out var value))
                values[field.Key] = value;
        }
        var document = new FrontMatterDocument { Fields = values, Body = body.Replace("\r\n", "\n").Trim() };
        var lookup = await PreloadedLookup.LoadAsync(db, item.Kind, posted, cancellationToken);
        var problems = ContentReader.Apply(item, document, lookup).ToList();
        if (posted.TryGetValue(ContentFields.SlugKey, out var slug) && slug.Scalar is { } text)
            item.Slug = text.Trim().Length == 0 ? SlugRules.FromTitle(item.Title) : text.Trim();
        // The item's rules too, so an editor sees every problem at once, one message per field.
        problems.AddRange(ContentReader.Validate(item, document));
        return problems.Select(p => new ValidationError(p.Key ?? "title", p.Message)).DistinctBy(e => e.Field).ToList();
    }

    /// <summary>An item with every link loaded, tracked for editing.</summary>
    public Task<ContentItem?> LoadForEditAsync(int id, CancellationToken cancellationToken = default) =>
        db.Items.WithLinks().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    private async Task<string?> CurrentSnapshotAsync(int itemId, CancellationToken cancellationToken) =>
        await db.Revisions.AsNoTracking().Where(r => r.ItemId == itemId).OrderByDescending(r => r.Number)
            .Select(r => r.Snapshot).FirstOrDefaultAsync(cancellationToken);

    private void DetachChanges()
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
            entry.State = EntityState.Detached;
    }
}
