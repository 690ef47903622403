using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>The revisions of an item: list, compare two, restore one (which is itself a new revision).</summary>
public sealed class VersiesModel(ContentStore store, IAuthorizationService authorization, EditorNames names) : PageModel
{
    public ContentItem Item { get; private set; } = null!;
    public IReadOnlyList<RevisionSummary> Revisions { get; private set; } = [];
    public (RevisionSummary Old, RevisionSummary New, IReadOnlyList<(LineChange Change, string Line)> Lines)? Comparison { get; private set; }
    public string? Problem { get; private set; }
    public bool CanRestore { get; private set; }
    public NameBook Names { get; private set; } = NameBook.Empty;

    public async Task<IActionResult> OnGetAsync(int id, int? van, int? naar)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        if (van is { } from && naar is { } to
            && Revisions.FirstOrDefault(r => r.Number == Math.Min(from, to)) is { } older
            && Revisions.FirstOrDefault(r => r.Number == Math.Max(from, to)) is { } newer)
        {
            // Only the two snapshots compared are read, however long the history.
            var snapshots = await store.SnapshotsAsync(id, [older.Number, newer.Number], HttpContext.RequestAborted);
            Comparison = (older, newer, LineDiff.Compare(snapshots[older.Number], snapshots[newer.Number]));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int revision, int version)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        if (!CanRestore)
            return Forbid();
        var chosen = Revisions.FirstOrDefault(r => r.Number == revision);
        if (chosen is null)
        {
            Problem = "Deze versie bestaat niet.";
            return Page();
        }
        var result = await store.RestoreAsync(chosen.Id, User.Identity!.Name!, version);
        if (result.Outcome is SaveOutcome.Saved or SaveOutcome.Unchanged)
            return RedirectToPage("/Beheer/Bewerken", new { key = id, opgeslagen = 1 });
        Problem = string.Join(" ", result.Errors.Select(e => e.Message));
        await LoadAsync(id);
        Response.StatusCode = result.Outcome == SaveOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await store.LoadForEditAsync(id) is not { } item)
            return NotFound();
        Item = item;
        CanRestore = await authorization.MayPublishAsync(User);
        // An auteur reads the history of their own items in every state; restoring is for redacteuren.
        if (!EditorAccess.MayView(item, User, CanRestore))
            return Forbid();
        Revisions = await store.RevisionsAsync(id);
        Names = await names.ForAsync(Revisions.Select(r => r.Author), HttpContext.RequestAborted);
        return null;
    }
}
