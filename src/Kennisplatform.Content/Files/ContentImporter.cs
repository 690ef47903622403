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

        var documents = new List<(string File, FrontMatterDocument Document, ContentType Type)>();
        foreach (var (path, index) in paths.Select((p, i) => (p, i)))
        {
            var file = Path.GetRelativePath(folder, path);
            if (Read(file, path, problems) is { } parsed)
                documents.Add((file, parsed.Document, parsed.Type));
            progress?.Report(new("lezen", index + 1, paths.Count));
        }

        var existing = await db.Items.WithLinks().ToListAsync(cancellationToken);
        var aliases = await db.Aliases.AsNoTracking().ToListAsync(cancellationToken);
        var revisions = await db.Revisions.AsNoTracking().GroupBy(r => r.ItemId)
            .Select(g => g.OrderByDescending(r => r.Number).Select(r => new { r.ItemId, r.Number, r.Snapshot }).First())
            .ToDictionaryAsync(r => r.ItemId, cancellationToken);
        var byKey = existing.ToDictionary(i => (i.Kind, i.Slug));
        var claimedBy = new Dictionary<(ContentType, string), string>();
        var now = TruncateToSeconds(clock.GetUtcNow().UtcDateTime);

        var staged = new List<(string File, FrontMatterDocument Document, ContentItem Item)>();
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

            var item = byKey.GetValueOrDefault((type, slug))
                ?? aliases.Where(a => a.Type == type.Code() && a.Slug == slug).Select(a => existing.FirstOrDefault(i => i.Id == a.ItemId)).FirstOrDefault();
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
            byKey[(type, slug)] = item;
            staged.Add((file, document, item));
        }

        var lookup = new DictionaryLookup(byKey);
        foreach (var (file, document, item) in staged)
        {
            problems.AddRange(ContentReader.ApplyLinks(item, document, lookup).Select(p => new ImportProblem(file, p.Line, p.Message)));
            problems.AddRange(ContentReader.Validate(item, document).Select(p => new ImportProblem(file, p.Line, p.Message)));
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new(paths.Count, 0, 0, 0, problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList());
        }

        int created = 0, updated = 0, unchanged = 0;
        var changedItems = new List<ContentItem>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (index, (_, _, item)) in staged.Index())
        {
            var isNew = item.Id == 0;
            var last = revisions.GetValueOrDefault(item.Id);
            var hints = new StageHints(last?.Snapshot, last?.Number ?? 0, SlugIsUnique: true);
            var changed = await store.StageAsync(item, DefaultAuthor, cancellationToken, hints);
            if (isNew) created++;
            else if (changed) updated++;
            else unchanged++;
            if (changed) changedItems.Add(item);
            progress?.Report(new("opslaan", index + 1, staged.Count));
        }
        await db.SaveChangesAsync(cancellationToken);
        await store.RecordChangesAsync(changedItems, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        store.Announce();
        return new(paths.Count, created, updated, unchanged, []);
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
    /// <summary>Every .md file below the folder, except README.md and files or folders starting with '.' or '_'.</summary>
    public static List<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar)
                .Any(part => part.StartsWith('.') || part.StartsWith('_')))
            .Where(path => !Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
}
