using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Submissions;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>
/// Stories shared through "Deel je ervaring", waiting for a redacteur: the story with the sender's contact details
/// (only here, and never for auteurs). Accepting makes the concept case the redacteur's own and opens its form;
/// declining archives the story with a reason and deletes the contact details, whose purpose is then over.
/// </summary>
[Authorize(Policy = Roles.Publishing)]
public sealed class InzendingenModel(ContentDb db, ContentStore store, AuditLog audit) : PageModel
{
    public const int MaxReasonLength = 1000;

    public IReadOnlyList<Submission> Waiting { get; private set; } = [];
    [TempData]
    public string? Message { get; set; }
    /// <summary>The submission whose decline lacked a reason, to show the message beside its form.</summary>
    public int? ReasonMissingFor { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(int? id, CancellationToken cancellationToken)
    {
        if (await WaitingCaseAsync(id, cancellationToken) is not { } item)
            return Gone();
        var me = User.Identity!.Name!;
        item.Author = me; // from now on the redacteur's own concept
        var saved = await store.SaveAsync(item, me, item.Version, cancellationToken);
        if (saved.Outcome is not SaveOutcome.Saved)
            return Gone();
        await audit.RecordAsync(me, "inzending aangenomen als concept", item.Title);
        return RedirectToPage("/Beheer/Bewerken", new { key = item.Id });
    }

    public async Task<IActionResult> OnPostDeclineAsync(int? id, string? reden, CancellationToken cancellationToken)
    {
        if (await WaitingCaseAsync(id, cancellationToken) is not { } item)
            return Gone();
        var reason = (reden ?? "").Trim();
        if (reason.Length == 0 || reason.Length > MaxReasonLength)
        {
            ReasonMissingFor = id;
            Problem = reason.Length == 0 ? "Schrijf waarom je deze inzending afwijst." : $"Houd de reden korter dan {MaxReasonLength} tekens.";
            await LoadAsync(cancellationToken);
            return Page();
        }
        var me = User.Identity!.Name!;
        item.Archive();
        var contact = await db.Submissions.Where(s => s.CaseId == item.Id).ToListAsync(cancellationToken);
        db.Submissions.RemoveRange(contact);
        var saved = await store.SaveAsync(item, me, item.Version, cancellationToken);
        if (saved.Outcome is not SaveOutcome.Saved)
            return Gone();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(me, $"inzending afgewezen: {reason}", item.Title);
        Message = $"De inzending \"{item.Title}\" is afgewezen en gearchiveerd. De contactgegevens zijn verwijderd.";
        return RedirectToPage();
    }

    private IActionResult Gone()
    {
        Message = "Deze inzending bestaat niet (meer), of iemand anders heeft hem al behandeld.";
        return RedirectToPage();
    }

    /// <summary>The concept case of a submission that still waits: sent in from outside and not yet taken by an editor.</summary>
    private async Task<Case?> WaitingCaseAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null || !await WaitingQuery().AnyAsync(s => s.Id == id, cancellationToken))
            return null;
        var caseId = await db.Submissions.Where(s => s.Id == id).Select(s => s.CaseId).FirstAsync(cancellationToken);
        return await store.LoadForEditAsync(caseId, cancellationToken) as Case;
    }

    private IQueryable<Submission> WaitingQuery() => db.Submissions
        .Where(s => s.Case.Status == ContentStatus.Draft && s.Case.Author == DeelJeErvaringModel.SubmissionAuthor);

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Waiting = await WaitingQuery().AsNoTracking().Include(s => s.Case).OrderBy(s => s.ReceivedAt).ToListAsync(cancellationToken);
}
