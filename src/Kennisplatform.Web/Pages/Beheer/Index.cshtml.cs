using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>The back office's first page: what is waiting for whom.</summary>
public sealed class IndexModel(ContentDb db, UserManager<Editor> users, TimeProvider clock) : PageModel
{
    public string Name { get; private set; } = "";
    public IReadOnlyList<string> MyRoles { get; private set; } = [];
    public IReadOnlyList<ContentItem> MyDrafts { get; private set; } = [];
    public IReadOnlyList<ContentItem> InReview { get; private set; } = [];
    public IReadOnlyList<ContentItem> Scheduled { get; private set; } = [];
    public IReadOnlyList<ContentItem> RecentlyPublished { get; private set; } = [];
    /// <summary>Shared experiences still waiting as concepts, with the sender's private contact details.</summary>
    public IReadOnlyList<Kennisplatform.Content.Submissions.Submission> Submissions { get; private set; } = [];
    public Kennisplatform.Web.Mail.OutboxStatus Mail { get; private set; } = new(0, 0, 0, "");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var editor = await users.GetUserAsync(User);
        Name = editor?.DisplayName ?? User.Identity?.Name ?? "";
        MyRoles = editor is null ? [] : (await users.GetRolesAsync(editor)).ToList();
        var me = editor?.Email ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var items = db.Items.AsNoTracking();
        MyDrafts = await items.Where(i => i.Status == ContentStatus.Draft && i.Author == me).OrderByDescending(i => i.UpdatedAt).Take(20).ToListAsync(cancellationToken);
        InReview = await items.Where(i => i.Status == ContentStatus.InReview).OrderBy(i => i.UpdatedAt).Take(20).ToListAsync(cancellationToken);
        Scheduled = await items.Where(i => i.Status == ContentStatus.Published && i.PublishedAt > now).OrderBy(i => i.PublishedAt).Take(20).ToListAsync(cancellationToken);
        Submissions = await db.Submissions.AsNoTracking().Include(s => s.Case)
            .Where(s => s.Case.Status == ContentStatus.Draft).OrderByDescending(s => s.ReceivedAt).Take(20).ToListAsync(cancellationToken);
        Mail = await Kennisplatform.Web.Mail.OutboxStatus.ReadAsync(db, cancellationToken);
        RecentlyPublished = await items.VisibleAt(now).OrderByDescending(i => i.PublishedAt).Take(10).ToListAsync(cancellationToken);
    }
}
