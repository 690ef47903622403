using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>
/// All content in every state: search in titles, filters on type, status, theme and author, sorting, and pages of
/// <see cref="PageSize"/>. Everything is in the address (GET), so it works without JavaScript and can be bookmarked; a
/// value that means nothing is ignored, never an error.
/// </summary>
public sealed class InhoudModel(ContentDb db, AccountsDb accounts, EditorNames names, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const int MaxSearchLength = 200;
    public const string ByTitle = "titel";
    public const string ByChange = "gewijzigd";

    public sealed record AuthorChoice(string Value, string Name);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public IReadOnlyList<ContentItem> Items { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Title)> Themes { get; private set; } = [];
    public IReadOnlyList<AuthorChoice> Authors { get; private set; } = [];
    public NameBook Names { get; private set; } = NameBook.Empty;
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string Search { get; private set; } = "";
    public string? Type { get; private set; }
    public string? Status { get; private set; }
    public string? Theme { get; private set; }
    public string? Author { get; private set; }
    public string Sort { get; private set; } = ByChange;
    public bool Filtered => Search.Length > 0 || Type is not null || Status is not null || Theme is not null || Author is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Search = (Request.Query["zoek"].FirstOrDefault() ?? "").Trim();
        if (Search.Length > MaxSearchLength)
            Search = Search[..MaxSearchLength];
        Sort = Request.Query["sorteer"].FirstOrDefault() == ByTitle ? ByTitle : ByChange;

        var query = db.Items.AsNoTracking();
        if (Dutch.TryParse<ContentType>(Request.Query["soort"].FirstOrDefault(), out var type))
        {
            query = query.OfKind(type);
            Type = type.Code();
        }
        if (Dutch.TryParse<ContentStatus>(Request.Query["status"].FirstOrDefault(), out var status))
        {
            query = query.Where(i => i.Status == status);
            Status = status.Code();
        }
        if (Request.Query["thema"].FirstOrDefault() is { Length: > 0 } theme)
        {
            query = query.Where(i => i.Themes.Any(t => t.Slug == theme));
            Theme = theme;
        }
        await LoadChoicesAsync(cancellationToken);
        if (Request.Query["auteur"].FirstOrDefault() is { Length: > 0 } author)
        {
            // The address carries an account's id, never its e-mail address; authors without an account go by their name.
            var userName = await accounts.Users.Where(u => u.Id == author).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken) ?? author;
            query = query.Where(i => i.Author == userName);
            Author = author;
        }
        if (Search.Length > 0)
        {
            var lower = Search.ToLowerInvariant();
            query = query.Where(i => i.Title.ToLower().Contains(lower));
        }

        Total = await query.CountAsync(cancellationToken);
        PageNumber = int.TryParse(Request.Query["pagina"].FirstOrDefault(), out var asked) ? Math.Clamp(asked, 1, PageCount) : 1;
        var sorted = Sort == ByTitle
            ? query.OrderBy(i => i.Title.ToLower()).ThenBy(i => i.Id)
            : query.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id);
        Items = await sorted.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Names = await names.ForAsync(Items.Select(i => i.Author), cancellationToken);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Themes = (await db.Items.AsNoTracking().OfKind(ContentType.Theme).OrderBy(t => t.Title).Select(t => new { t.Slug, t.Title }).ToListAsync(cancellationToken))
            .Select(t => (t.Slug, t.Title)).ToList();
        var userNames = await db.Items.AsNoTracking().Select(i => i.Author).Distinct().ToListAsync(cancellationToken);
        var known = await accounts.Users.AsNoTracking().Where(u => userNames.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var byUserName = known.ToDictionary(u => u.UserName!);
        var book = await names.ForAsync(userNames, cancellationToken);
        // An address whose account is gone cannot be offered without showing it: such items stay findable by the other filters.
        Authors = userNames
            .Select(n => byUserName.TryGetValue(n, out var account) ? new AuthorChoice(account.Id, book.Of(n))
                : n.Contains('@') || n.Length == 0 ? null : new AuthorChoice(n, n))
            .OfType<AuthorChoice>()
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>The current search, filters and sorting, on another page (or, with <paramref name="sort"/>, sorted otherwise from page 1).</summary>
    public Dictionary<string, string> RouteFor(int page, string? sort = null)
    {
        var values = new Dictionary<string, string>();
        if (Search.Length > 0) values["zoek"] = Search;
        if (Type is not null) values["soort"] = Type;
        if (Status is not null) values["status"] = Status;
        if (Theme is not null) values["thema"] = Theme;
        if (Author is not null) values["auteur"] = Author;
        if ((sort ?? Sort) != ByChange) values["sorteer"] = sort ?? Sort;
        if (page > 1) values["pagina"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }

    /// <summary>The page numbers to link: the first, the last, and two on each side of the current one.</summary>
    public IEnumerable<int> PageLinks() =>
        Enumerable.Range(1, PageCount).Where(p => p == 1 || p == PageCount || Math.Abs(p - PageNumber) <= 2);
}
