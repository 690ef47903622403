using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>Who did what, to which item or account, when: revisions for content, audit entries for accounts.</summary>
[Authorize(Policy = Roles.Administration)]
public sealed class LogboekModel(ContentDb db, EditorNames names) : PageModel
{
    public const int Size = 200;

    public sealed record Entry(DateTime At, string Actor, string Action, string Subject, int? ItemId);

    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public string? Actor { get; private set; }
    public NameBook Names { get; private set; } = NameBook.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Actor = Request.Query["wie"].FirstOrDefault() is { Length: > 0 } who ? who : null;
        var revisions = db.Revisions.AsNoTracking();
        var audit = db.Audit.AsNoTracking();
        if (Actor is not null)
        {
            revisions = revisions.Where(r => r.Author == Actor);
            audit = audit.Where(a => a.Actor == Actor);
        }
        var saves = (await revisions.OrderByDescending(r => r.CreatedAt).Take(Size)
                .Select(r => new { r.CreatedAt, r.Author, r.Number, r.Status, r.Title, r.ItemId }).ToListAsync(cancellationToken))
            .Select(r => new Entry(r.CreatedAt, r.Author, $"versie {r.Number} opgeslagen ({r.Status.Label().ToLowerInvariant()})", r.Title, r.ItemId));
        var accounts = (await audit.OrderByDescending(a => a.At).Take(Size).ToListAsync(cancellationToken))
            .Select(a => new Entry(a.At, a.Actor, a.Action, a.Subject, null));
        Entries = saves.Concat(accounts).OrderByDescending(e => e.At).Take(Size).ToList();
        Names = await names.ForAsync(Entries.Select(e => e.Actor), cancellationToken);
    }
}
