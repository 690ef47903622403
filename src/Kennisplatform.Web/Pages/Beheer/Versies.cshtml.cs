using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>
/// The revisions of an item: list, compare two field by field, restore one (which is itself a new revision). Restoring
/// asks first: the list links to a confirmation that shows what would change, and only that confirmation posts.
/// </summary>
public sealed class VersiesModel(ContentStore store, ContentDb db, IAuthorizationService authorization, EditorNames names) : PageModel
{
    public sealed record Comparison(RevisionSummary From, RevisionSummary To, IReadOnlyList<FieldChange> Changes);

    public ContentItem Item { get; private set; } = null!;
    public IReadOnlyList<RevisionSummary> Revisions { get; private set; } = [];
    public Comparison? Compared { get; private set; }
    /// <summary>The revision the editor asked to put back, waiting for their confirmation.</summary>
    public RevisionSummary? ToRestore { get; private set; }
    public string? Problem { get; private set; }
    public bool CanRestore { get; private set; }
    public NameBook Names { get; private set; } = NameBook.Empty;
    public int Newest => Revisions.FirstOrDefault()?.Number ?? 0;

    public async Task<IActionResult> OnGetAsync(int id, int? van, int? naar, int? terugzetten)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        var current = Revisions.FirstOrDefault();
        if (terugzetten is { } number && CanRestore && current is not null && number != current.Number
            && Revisions.FirstOrDefault(r => r.Number == number) is { } chosen)
        {
            ToRestore = chosen;
            // What restoring would do: from the current version to the chosen one.
            Compared = await CompareAsync(current, chosen);
        }
        else if (van is { } from && naar is { } to
            && Revisions.FirstOrDefault(r => r.Number == Math.Min(from, to)) is { } older
            && Revisions.FirstOrDefault(r => r.Number == Math.Max(from, to)) is { } newer)
            Compared = await CompareAsync(older, newer);
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

    private async Task<Comparison> CompareAsync(RevisionSummary from, RevisionSummary to)
    {
        // Only the two snapshots compared are read, however long the history.
        var snapshots = await store.SnapshotsAsync(Item.Id, [from.Number, to.Number], HttpContext.RequestAborted);
        var targets = ContentFields.For(Item.Kind).Where(f => f.Target is not null).Select(f => f.Target!.Value).Distinct().ToList();
        var titles = (await db.Items.ChoicesAsync(targets, HttpContext.RequestAborted))
            .DistinctBy(c => (c.Type, c.Slug)).ToDictionary(c => (c.Type, c.Slug), c => c.Title);
        var authors = new[] { snapshots[from.Number], snapshots[to.Number] }
            .Select(s => FrontMatter.Parse(s).Document?[ContentFields.AuthorKey]?.Scalar).OfType<string>();
        var people = await names.ForAsync(Revisions.Select(r => r.Author).Concat(authors), HttpContext.RequestAborted);
        Names = people;
        return new(from, to, RevisionComparison.Compare(Item.Kind, snapshots[from.Number], snapshots[to.Number], titles, people));
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
