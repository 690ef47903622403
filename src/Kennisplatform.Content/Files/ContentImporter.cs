using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Files;

/// <summary>A problem in a content file, as "file:line: message".</summary>
public sealed record ImportProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

public sealed record ImportResult(int Files, int Created, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

public sealed record ImportProgress(string Phase, int Done, int Total);

/// <summary>
/// Imports a folder of content files. All or nothing: every file is read and checked first, and only when
/// no file has a problem is anything written, in one transaction. Re-importing updates items by type and
/// slug and adds a revision only where the content really changed.
/// </summary>
public sealed class ContentImporter(ContentDb db, ContentStore store, TimeProvider clock)
{
    public const string DefaultAuthor = "import";

    public async Task<ImportResult> ImportAsync(string folder, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
            return new(0, 0, 0, 0, [new(folder, 0, "Deze map bestaat niet.")]);
        var paths = ContentFolder.Files(folder);
        var problems = new List<ImportProblem>();

        var documents = ReadAll(folder, paths, problems, progress);
        var database = await DatabaseState.LoadAsync(db, cancellationToken);
        var staged = Stage(documents, database, problems);
        Link(staged, database, problems);
        var reports = ReadTrialReports(folder, database, problems);
        var followUps = ReadFollowUps(folder, database, problems);
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new(paths.Count, 0, 0, 0, problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList());
        }
        var (created, updated, unchanged) = await WriteAsync(staged, database, progress, cancellationToken, reports, followUps);
        return new(paths.Count, created, updated, unchanged, []);
    }

    /// <summary>The reports under geprobeerd/, each about an item in the files or the database.</summary>
    private List<TrialReportFile> ReadTrialReports(string folder, DatabaseState database, List<ImportProblem> problems)
    {
        var reports = TrialReportFiles.Read(folder, DateOnly.FromDateTime(DutchTime.ToLocal(clock.GetUtcNow().UtcDateTime)), problems);
        foreach (var missing in reports.Where(r => database.ByKey.GetValueOrDefault((r.Type, r.Slug)) is null))
            problems.Add(new(missing.File, missing.SlugLine, $"Er is geen {missing.Type.Label().ToLowerInvariant()} '{missing.Slug}', in de bestanden of in de database."));
        return reports;
    }

    /// <summary>The follow-ups under vervolg/, each about a case in the files or the database.</summary>
    private List<FollowUpFile> ReadFollowUps(string folder, DatabaseState database, List<ImportProblem> problems)
    {
        var followUps = FollowUpFiles.Read(folder, DateOnly.FromDateTime(DutchTime.ToLocal(clock.GetUtcNow().UtcDateTime)), problems);
        foreach (var missing in followUps.Where(f => database.ByKey.GetValueOrDefault((ContentType.Case, f.CaseSlug)) is null))
            problems.Add(new(missing.File, missing.CaseLine, $"Er is geen praktijkvoorbeeld '{missing.CaseSlug}', in de bestanden of in de database."));
        return followUps;
    }

    private sealed record ReadFile(string File, FrontMatterDocument Document, ContentType Type);

    private sealed record StagedFile(string File, FrontMatterDocument Document, ContentItem Item);

    /// <summary>What the database holds, read once: items with their links by type and slug, aliases, latest revisions.</summary>
    private sealed record DatabaseState(
        List<ContentItem> Items, Dictionary<(ContentType, string), ContentItem> ByKey, List<SlugAlias> Aliases,
        Dictionary<int, (int Number, string Snapshot)> LatestRevisions)
    {
        public static async Task<DatabaseState> LoadAsync(ContentDb db, CancellationToken cancellationToken)
        {
            var existing = await db.Items.WithLinks().ToListAsync(cancellationToken);
            var aliases = await db.Aliases.AsNoTracking().ToListAsync(cancellationToken);
            var revisions = await db.Revisions.AsNoTracking().GroupBy(r => r.ItemId)
                .Select(g => g.OrderByDescending(r => r.Number).Select(r => new { r.ItemId, r.Number, r.Snapshot }).First())
                .ToDictionaryAsync(r => r.ItemId, r => (r.Number, r.Snapshot), cancellationToken);
            return new(existing, existing.ToDictionary(i => (i.Kind, i.Slug)), aliases, revisions);
        }

        /// <summary>The item a file is about: by type and slug, or by an old slug it had.</summary>
        public ContentItem? Find(ContentType type, string slug) =>
            ByKey.GetValueOrDefault((type, slug))
            ?? Aliases.Where(a => a.Type == type.Code() && a.Slug == slug).Select(a => Items.FirstOrDefault(i => i.Id == a.ItemId)).FirstOrDefault();
    }

    private static List<ReadFile> ReadAll(string folder, List<string> paths, List<ImportProblem> problems, IProgress<ImportProgress>? progress)
    {
        var documents = new List<ReadFile>();
        foreach (var (path, index) in paths.Select((p, i) => (p, i)))
        {
            var file = Path.GetRelativePath(folder, path);
            if (Read(file, path, problems) is { } parsed)
                documents.Add(new(file, parsed.Document, parsed.Type));
            progress?.Report(new("lezen", index + 1, paths.Count));
        }
        return documents;
    }

    /// <summary>Applies each file's own fields to a new or existing item; two files with one type and slug are a problem.</summary>
    private List<StagedFile> Stage(List<ReadFile> documents, DatabaseState database, List<ImportProblem> problems)
    {
        var claimedBy = new Dictionary<(ContentType, string), string>();
        var now = TruncateToSeconds(clock.GetUtcNow().UtcDateTime);
        var staged = new List<StagedFile>();
        foreach (var (file, document, type) in documents)
        {
            var slug = document[ContentFields.SlugKey]?.Scalar?.Trim() is { Length: > 0 } given
                ? given
                : SlugRules.FromTitle(document["title"]?.Scalar ?? "");
            if (claimedBy.TryGetValue((type, slug), out var other))
            {
                problems.Add(new(file, document.LineOf(ContentFields.SlugKey), $"De {type.Label().ToLowerInvariant()} '{slug}' staat ook al in {other}. Geef één van beide een andere slug."));
                continue;
            }
            claimedBy[(type, slug)] = file;

            var item = database.Find(type, slug);
            if (item is null)
            {
                item = ContentFields.Create(type);
                db.Add(item);
            }
            var previousPublication = item.PublishedAt;
            problems.AddRange(ContentReader.ApplyFields(item, document).Select(p => new ImportProblem(file, p.Line, p.Message)));
            item.Slug = slug;
            // A file without a publication date keeps the date the item already had, or is published now.
            if (document[ContentFields.PublishedKey] is null && item.Status is ContentStatus.Published)
                item.PublishedAt = previousPublication ?? now;
            database.ByKey[(type, slug)] = item;
            staged.Add(new(file, document, item));
        }
        return staged;
    }

    /// <summary>Links each item to the items it names (in the files or the database), then checks the item's rules.</summary>
    private static void Link(List<StagedFile> staged, DatabaseState database, List<ImportProblem> problems)
    {
        var lookup = new DictionaryLookup(database.ByKey);
        foreach (var (file, document, item) in staged)
        {
            problems.AddRange(ContentReader.ApplyLinks(item, document, lookup).Select(p => new ImportProblem(file, p.Line, p.Message)));
            problems.AddRange(ContentReader.Validate(item, document).Select(p => new ImportProblem(file, p.Line, p.Message)));
        }
    }

    /// <summary>Writes everything in one transaction: a revision only where the content changed, one change-log row per changed item.</summary>
    private async Task<(int Created, int Updated, int Unchanged)> WriteAsync(
        List<StagedFile> staged, DatabaseState database, IProgress<ImportProgress>? progress, CancellationToken cancellationToken,
        List<TrialReportFile> reports, List<FollowUpFile> followUps)
    {
        int created = 0, updated = 0, unchanged = 0;
        var changedItems = new List<ContentItem>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (index, (_, _, item)) in staged.Index())
        {
            var isNew = item.Id == 0;
            var hints = database.LatestRevisions.TryGetValue(item.Id, out var last)
                ? new StageHints(last.Snapshot, last.Number, SlugIsUnique: true)
                : new StageHints(null, 0, SlugIsUnique: true);
            var changed = await store.StageAsync(item, DefaultAuthor, cancellationToken, hints);
            if (isNew) created++;
            else if (changed) updated++;
            else unchanged++;
            if (changed) changedItems.Add(item);
            progress?.Report(new("opslaan", index + 1, staged.Count));
        }
        await db.SaveChangesAsync(cancellationToken);
        changedItems.AddRange(await TrialReportFiles.ApplyAsync(db, reports, (type, slug) => database.ByKey[(type, slug)], clock.GetUtcNow().UtcDateTime, cancellationToken));
        changedItems.AddRange(await FollowUpFiles.ApplyAsync(db, followUps, slug => (Cases.Case)database.ByKey[(ContentType.Case, slug)], clock.GetUtcNow().UtcDateTime, cancellationToken));
        await store.RecordChangesAsync(changedItems.DistinctBy(i => i.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        store.Announce();
        return (created, updated, unchanged);
    }

    private static (FrontMatterDocument Document, ContentType Type)? Read(string file, string path, List<ImportProblem> problems)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new(file, 0, "Dit bestand kan niet gelezen worden: " + e.Message));
            return null;
        }
        var (document, fileProblems) = FrontMatter.Parse(text);
        problems.AddRange(fileProblems.Select(p => new ImportProblem(file, p.Line, p.Message)));
        if (document is null)
            return null;
        var typeValue = document[ContentFields.TypeKey];
        if (typeValue?.Scalar is not { Length: > 0 } code)
        {
            problems.Add(new(file, document.FirstLine, $"De sleutel 'type' ontbreekt. Kies uit: {Dutch.CodeList<ContentType>()}."));
            return null;
        }
        if (!Dutch.TryParse<ContentType>(code, out var type))
        {
            problems.Add(new(file, typeValue.Line, $"'{code}' is geen bekend type. Kies uit: {Dutch.CodeList<ContentType>()}."));
            return null;
        }
        return fileProblems.Count > 0 ? null : (document, type);
    }

    private static DateTime TruncateToSeconds(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private sealed class DictionaryLookup(Dictionary<(ContentType, string), ContentItem> items) : IReferenceLookup
    {
        public ContentItem? Find(ContentType type, string slug) => items.GetValueOrDefault((type, slug));
    }
}

/// <summary>Which files in a folder are content files.</summary>
public static class ContentFolder
{
    /// <summary>Folders whose files belong to an item (reports of others who tried it, a case's follow-ups) rather than being items.</summary>
    public static readonly IReadOnlySet<string> PartFolders = new HashSet<string>([TrialReportFiles.Folder, FollowUpFiles.Folder], StringComparer.Ordinal);

    /// <summary>Every .md file below the folder, except README.md and files or folders starting with '.' or '_'.</summary>
    public static List<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar)
                .Any(part => part.StartsWith('.') || part.StartsWith('_')))
            .Where(path => !Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            // Practitioners' reports and follow-ups are not items of their own: TrialReportFiles and FollowUpFiles read them.
            .Where(path => !PartFolders.Contains(Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar)[0]))
            .Order(StringComparer.Ordinal)
            .ToList();
}
