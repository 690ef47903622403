using System.Globalization;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Files;

/// <summary>A follow-up read from a file under <c>vervolg/</c>: the case it belongs to by slug, and the follow-up itself.</summary>
public sealed record FollowUpFile(string File, string CaseSlug, int CaseLine, FollowUp FollowUp);

/// <summary>
/// Follow-ups in a content folder: one Markdown file each under <c>vervolg/</c>, with front matter <c>case</c>
/// (the case's slug), <c>date</c>, <c>title</c>, and optionally <c>still_running</c> (ja/nee), <c>outcome</c> and
/// <c>fictional</c>; the body is the text. They are published as they are imported.
/// </summary>
public static class FollowUpFiles
{
    public const string Folder = "vervolg";

    private static readonly HashSet<string> Keys = ["type", "case", "date", "title", "still_running", "outcome", "fictional"];

    public static List<string> Paths(string folder)
    {
        var own = Path.Combine(folder, Folder);
        return Directory.Exists(own)
            ? Directory.EnumerateFiles(own, "*.md", SearchOption.AllDirectories)
                .Where(p => !Path.GetFileName(p).StartsWith('.') && !Path.GetFileName(p).StartsWith('_')).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>A published follow-up as the file that imports back to it.</summary>
    public static (string Path, string Text) Write(Case item, FollowUp followUp)
    {
        static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        var date = followUp.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lines = new List<string> { "---", $"case: {item.Slug}", $"date: {date}", $"title: {Quote(followUp.Title)}" };
        if (followUp.StillRunning is { } running)
            lines.Add($"still_running: {(running ? "ja" : "nee")}");
        if (followUp.NewOutcome is { } outcome)
            lines.Add($"outcome: {outcome.Code()}");
        if (followUp.IsFictional)
            lines.Add("fictional: ja");
        lines.Add("---");
        lines.Add("");
        lines.Add(followUp.Text);
        return (System.IO.Path.Combine(Folder, $"{item.Slug}-{date}-{SlugRules.FromTitle(followUp.Title)}.md"), string.Join("\n", lines) + "\n");
    }

    public static List<FollowUpFile> Read(string folder, DateOnly today, List<ImportProblem> problems)
    {
        var read = new List<FollowUpFile>();
        foreach (var path in Paths(folder))
        {
            var file = Path.GetRelativePath(folder, path);
            var (document, fileProblems) = FrontMatter.Parse(File.ReadAllText(path));
            problems.AddRange(fileProblems.Select(p => new ImportProblem(file, p.Line, p.Message)));
            if (document is null)
                continue;
            var before = problems.Count;
            void Problem(string key, string message) => problems.Add(new(file, document.LineOf(key), message));
            foreach (var key in document.Fields.Keys.Where(k => !Keys.Contains(k)))
                Problem(key, $"Onbekende sleutel '{key}' voor een vervolg. Kies uit: {string.Join(", ", Keys.Order(StringComparer.Ordinal))}.");
            var caseSlug = document["case"]?.Scalar?.Trim() ?? "";
            if (caseSlug.Length == 0)
                Problem("case", "Noem met 'case' de slug van het praktijkvoorbeeld waar dit vervolg bij hoort.");
            var followUp = new FollowUp
            {
                Title = document["title"]?.Scalar?.Trim() ?? "",
                Text = document.Body.Trim(),
                IsFictional = document["fictional"]?.Scalar?.Trim() == "ja",
            };
            if (DateOnly.TryParseExact(document["date"]?.Scalar?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                followUp.Date = date;
            else
                Problem("date", "Schrijf de datum van een vervolg als jjjj-mm-dd.");
            switch (document["still_running"]?.Scalar?.Trim())
            {
                case "ja": followUp.StillRunning = true; break;
                case "nee": followUp.StillRunning = false; break;
                case null or "": break;
                default: Problem("still_running", "Schrijf bij 'still_running' ja of nee."); break;
            }
            if (document["outcome"]?.Scalar?.Trim() is { Length: > 0 } code)
            {
                if (Dutch.TryParse<CaseOutcome>(code, out var outcome))
                    followUp.NewOutcome = outcome;
                else
                    Problem("outcome", $"'{code}' is geen uitkomst. Kies uit: {Dutch.CodeList<CaseOutcome>()}.");
            }
            if (problems.Count == before)
                foreach (var error in followUp.Validate(today))
                    Problem(error.Field, error.Message);
            if (problems.Count == before)
                read.Add(new(file, caseSlug, document.LineOf("case"), followUp));
        }
        return read;
    }

    /// <summary>
    /// Adds the follow-ups from the files, or updates the one with the same case, date and title; returns the cases
    /// whose follow-ups changed, so their search documents are rebuilt.
    /// </summary>
    public static async Task<List<ContentItem>> ApplyAsync(ContentDb db, List<FollowUpFile> files, Func<string, Case> find, DateTime now, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
            return [];
        // Only published follow-ups are matched: a file never takes over (or publishes) a visitor's waiting or turned-down proposal.
        var existing = await db.FollowUps.Where(f => f.Status == FollowUpStatus.Published).ToListAsync(cancellationToken);
        var changed = new List<ContentItem>();
        foreach (var (_, slug, _, read) in files)
        {
            var item = find(slug);
            var followUp = existing.FirstOrDefault(f => f.CaseId == item.Id && f.Date == read.Date && f.Title == read.Title);
            if (followUp is null)
            {
                var at = read.Date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
                followUp = new FollowUp { CaseId = item.Id, Date = read.Date, Title = read.Title, ReceivedAt = at, Status = FollowUpStatus.Published, PublishedAt = at };
                db.FollowUps.Add(followUp);
                existing.Add(followUp);
            }
            else if (followUp.Text == read.Text && followUp.StillRunning == read.StillRunning && followUp.NewOutcome == read.NewOutcome
                && followUp.IsFictional == read.IsFictional && followUp.IsPublic)
                continue;
            followUp.Text = read.Text;
            followUp.StillRunning = read.StillRunning;
            followUp.NewOutcome = read.NewOutcome;
            followUp.IsFictional = read.IsFictional;
            if (!followUp.IsPublic)
                followUp.Publish(now);
            changed.Add(item);
        }
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
