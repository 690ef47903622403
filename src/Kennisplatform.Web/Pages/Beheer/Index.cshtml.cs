using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>The back office's first page: what waits for me, then my own items and what goes on.</summary>
public sealed class IndexModel(ContentDb db, UserManager<Editor> users, IAuthorizationService authorization, EditorNames names, TimeProvider clock) : PageModel
{
    public string Name { get; private set; } = "";
    public IReadOnlyList<string> MyRoles { get; private set; } = [];
    public bool CanPublish { get; private set; }
    /// <summary>For a redacteur: what waits for review. For an auteur: what was sent back to them.</summary>
    public IReadOnlyList<ContentItem> WaitingForMe { get; private set; } = [];
    /// <summary>My own items in every state, so an auteur never loses sight of what they offered.</summary>
    public IReadOnlyList<ContentItem> MyItems { get; private set; } = [];
    public IReadOnlyList<ContentItem> Scheduled { get; private set; } = [];
    public IReadOnlyList<ContentItem> RecentlyPublished { get; private set; } = [];
    /// <summary>Shared experiences still waiting as concepts, with the sender's private contact details: redacteuren only.</summary>
    public IReadOnlyList<Kennisplatform.Content.Submissions.Submission> Submissions { get; private set; } = [];
    /// <summary>"Ik heb dit ook geprobeerd" reports that wait for an editor.</summary>
    public int WaitingTrialReports { get; private set; }
    public Kennisplatform.Web.Mail.OutboxStatus Mail { get; private set; } = new(0, 0, 0, "");
    public NameBook Names { get; private set; } = NameBook.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var editor = await users.GetUserAsync(User);
        Name = editor?.DisplayName ?? "";
        MyRoles = editor is null ? [] : (await users.GetRolesAsync(editor)).ToList();
        CanPublish = await authorization.MayPublishAsync(User);
        var me = User.Identity?.Name ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var items = db.Items.AsNoTracking();
        MyItems = await items.Where(i => i.Author == me).OrderByDescending(i => i.UpdatedAt).Take(20).ToListAsync(cancellationToken);
        if (CanPublish)
        {
            WaitingForMe = await items.Where(i => i.Status == ContentStatus.InReview).OrderBy(i => i.UpdatedAt).Take(20).ToListAsync(cancellationToken);
            Submissions = await db.Submissions.AsNoTracking().Include(s => s.Case)
                .Where(s => s.Case.Status == ContentStatus.Draft && s.Case.Author == DeelJeErvaringModel.SubmissionAuthor).OrderByDescending(s => s.ReceivedAt).Take(20).ToListAsync(cancellationToken);
            WaitingTrialReports = await db.TrialReports.CountAsync(r => r.Status == Kennisplatform.Content.Trials.TrialReportStatus.Waiting, cancellationToken);
        }
        else
            WaitingForMe = await items.Where(i => i.Author == me && i.Status == ContentStatus.Draft && i.SentBack).OrderBy(i => i.UpdatedAt).Take(20).ToListAsync(cancellationToken);
        Scheduled = await items.Where(i => i.Status == ContentStatus.Published && i.PublishedAt > now).OrderBy(i => i.PublishedAt).Take(20).ToListAsync(cancellationToken);
        Mail = await Kennisplatform.Web.Mail.OutboxStatus.ReadAsync(db, cancellationToken);
        RecentlyPublished = await items.VisibleAt(now).OrderByDescending(i => i.PublishedAt).Take(10).ToListAsync(cancellationToken);
        Names = await names.ForAsync(WaitingForMe.Select(i => i.Author), cancellationToken);
    }
}
