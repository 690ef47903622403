using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>All content in every state, with filters on type, status, theme and author.</summary>
public sealed class InhoudModel(ContentDb db, TimeProvider clock) : PageModel
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public const int PageSize = 50;

    public IReadOnlyList<ContentItem> Items { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Title)> Themes { get; private set; } = [];
    public IReadOnlyList<string> Authors { get; private set; } = [];
    public int Total { get; private set; }
    public string? Type { get; private set; }
    public string? Status { get; private set; }
    public string? Theme { get; private set; }
    public string? Author { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Type = Request.Query["soort"].FirstOrDefault();
        Status = Request.Query["status"].FirstOrDefault();
        Theme = Request.Query["thema"].FirstOrDefault();
        Author = Request.Query["auteur"].FirstOrDefault();

        var query = db.Items.AsNoTracking();
        if (Dutch.TryParse<ContentType>(Type, out var type)) query = query.OfKind(type);
        if (Dutch.TryParse<ContentStatus>(Status, out var status)) query = query.Where(i => i.Status == status);
        if (!string.IsNullOrEmpty(Theme)) query = query.Where(i => i.Themes.Any(t => t.Slug == Theme));
        if (!string.IsNullOrEmpty(Author)) query = query.Where(i => i.Author == Author);
        Total = await query.CountAsync(cancellationToken);
        Items = await query.OrderByDescending(i => i.UpdatedAt).Take(PageSize).ToListAsync(cancellationToken);
        Themes = (await db.Items.AsNoTracking().OfKind(ContentType.Theme).OrderBy(t => t.Title).Select(t => new { t.Slug, t.Title }).ToListAsync(cancellationToken))
            .Select(t => (t.Slug, t.Title)).ToList();
        Authors = await db.Items.AsNoTracking().Select(i => i.Author).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }
}
