using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Trials;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Files;

/// <summary>A report read from a file under <c>geprobeerd/</c>: the item it is about by type and slug, and the report.</summary>
public sealed record TrialReportFile(string File, ContentType Type, string Slug, int SlugLine, TrialReport Report);

/// <summary>
/// "Ik heb dit ook geprobeerd" reports in a content folder: one Markdown file each under <c>geprobeerd/</c>, with front
/// matter <c>type</c> (interventie or praktijkvoorbeeld), <c>slug</c>, <c>municipality</c>, optionally
/// <c>neighbourhood</c>, <c>when</c> (2024 or 2024-05), <c>result</c> and <c>fictional</c>; the body is the one line
/// why. They are published as they are imported. Never a reporter's name or address: files are open data.
/// </summary>
public static class TrialReportFiles
{
    public const string Folder = "geprobeerd";

    private static readonly HashSet<string> Keys = ["type", "slug", "municipality", "neighbourhood", "when", "result", "fictional"];

    /// <summary>Whether <paramref name="relative"/> (a path inside a content folder) is a report rather than an item.</summary>
    public static bool IsReport(string relative) => relative.Split(Path.DirectorySeparatorChar)[0] == Folder;

    public static List<TrialReportFile> Read(string folder, DateOnly today, List<ImportProblem> problems)
    {
        var own = Path.Combine(folder, Folder);
        if (!Directory.Exists(own))
            return [];
        var read = new List<TrialReportFile>();
        foreach (var path in Directory.EnumerateFiles(own, "*.md", SearchOption.AllDirectories)
            .Where(p => !Path.GetFileName(p).StartsWith('.') && !Path.GetFileName(p).StartsWith('_')).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(folder, path);
            var (document, fileProblems) = FrontMatter.Parse(File.ReadAllText(path));
            problems.AddRange(fileProblems.Select(p => new ImportProblem(file, p.Line, p.Message)));
            if (document is null)
                continue;
            if (ReadOne(file, document, today, problems) is { } report)
                read.Add(report);
        }
        return read;
    }

    private static TrialReportFile? ReadOne(string file, FrontMatterDocument document, DateOnly today, List<ImportProblem> problems)
    {
        var before = problems.Count;
        void Problem(string key, string message) => problems.Add(new(file, document.LineOf(key), message));
        string Value(string key) => document[key]?.Scalar?.Trim() ?? "";
        foreach (var key in document.Fields.Keys.Where(k => !Keys.Contains(k)))
            Problem(key, $"Onbekende sleutel '{key}' voor een ervaring. Kies uit: {string.Join(", ", Keys.Order(StringComparer.Ordinal))}.");
        if (!Dutch.TryParse<ContentType>(Value("type"), out var type) || !TrialReport.Types.Contains(type))
            Problem("type", "Schrijf bij 'type' interventie of praktijkvoorbeeld.");
        if (Value("slug").Length == 0)
            Problem("slug", "Noem met 'slug' het item waar deze ervaring bij hoort.");
        var report = new TrialReport
        {
            Municipality = Value("municipality"),
            Neighbourhood = Value("neighbourhood"),
            Reason = document.Body.Trim(),
            IsFictional = Value("fictional") == "ja",
        };
        if (!report.TrySetWhen(Value("when")))
            Problem("when", "Schrijf bij 'when' een jaar (2024) of een jaar en maand (2024-05).");
        if (Dutch.TryParse<TrialResult>(Value("result"), out var result))
            report.Result = result;
        else
            Problem("result", $"Kies bij 'result': {Dutch.CodeList<TrialResult>()}.");
        if (problems.Count == before)
            foreach (var error in report.Validate(today))
                Problem(error.Field, error.Message);
        return problems.Count == before ? new(file, type, Value("slug"), document.LineOf("slug"), report) : null;
    }

    /// <summary>A published report as the file that imports back to it.</summary>
    public static (string Path, string Text) Write(ContentItem item, TrialReport report)
    {
        static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        var lines = new List<string> { "---", $"type: {item.Kind.Code()}", $"slug: {item.Slug}", $"municipality: {Quote(report.Municipality)}" };
        if (report.Neighbourhood.Length > 0)
            lines.Add($"neighbourhood: {Quote(report.Neighbourhood)}");
        lines.Add($"when: \"{report.When}\"");
        lines.Add($"result: {report.Result.Code()}");
        if (report.IsFictional)
            lines.Add("fictional: ja");
        lines.AddRange(["---", "", report.Reason]);
        var name = $"{item.Kind.Code()}-{item.Slug}-{report.When}-{SlugRules.FromTitle(report.Place)}-{report.Id}.md";
        return (Path.Combine(Folder, name), string.Join("\n", lines) + "\n");
    }

    /// <summary>
    /// Adds the reports from the files, or updates the one about the same item, place and time; returns the items whose
    /// reports changed, so their pages and search documents catch up. Call inside the import's transaction.
    /// </summary>
    public static async Task<List<ContentItem>> ApplyAsync(ContentDb db, List<TrialReportFile> files, Func<ContentType, string, ContentItem> find, DateTime now, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
            return [];
        var existing = await db.TrialReports.ToListAsync(cancellationToken);
        var changed = new List<ContentItem>();
        foreach (var (_, type, slug, _, read) in files)
        {
            var item = find(type, slug);
            var report = existing.FirstOrDefault(r => r.ItemId == item.Id && r.Municipality == read.Municipality && r.Neighbourhood == read.Neighbourhood
                && r.Year == read.Year && r.Month == read.Month);
            if (report is null)
            {
                report = new TrialReport { ItemId = item.Id, Municipality = read.Municipality, Neighbourhood = read.Neighbourhood, Year = read.Year, Month = read.Month, ReceivedAt = now };
                db.TrialReports.Add(report);
                existing.Add(report);
            }
            else if (report.Result == read.Result && report.Reason == read.Reason && report.IsFictional == read.IsFictional && report.IsPublic)
                continue;
            report.Result = read.Result;
            report.Reason = read.Reason;
            report.IsFictional = read.IsFictional;
            if (!report.IsPublic)
                report.Publish(now);
            changed.Add(item);
        }
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
