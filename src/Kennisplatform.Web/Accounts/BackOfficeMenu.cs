using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Kennisplatform.Web.Accounts;

/// <summary>
/// The back office's own navigation. Each entry names the policy of the page it opens, so a role sees exactly the
/// entries it may use; a test holds the two together.
/// </summary>
public static class BackOfficeMenu
{
    public sealed record Entry(string Label, string Page, string Policy);

    public static readonly IReadOnlyList<Entry> Entries =
    [
        new("Overzicht", "/Beheer/Index", Roles.BackOffice),
        new("Inhoud", "/Beheer/Inhoud", Roles.BackOffice),
        new("Inzendingen", "/Beheer/Inzendingen", Roles.Publishing),
        new("Aanmeldingen", "/Beheer/AanmeldingenOverzicht", Roles.Publishing),
        new("Media", "/Beheer/Media", Roles.BackOffice),
        new("Ook geprobeerd", "/Beheer/Geprobeerd", Roles.Publishing),
        new("Vervolgen", "/Beheer/Vervolgen", Roles.Publishing),
        new("Gebruikers", "/Beheer/Gebruikers", Roles.Administration),
        new("Logboek", "/Beheer/Logboek", Roles.Administration),
        new("Zoekwoorden", "/Beheer/Zoekwoorden", Roles.Administration),
        new("Mijn account", "/Beheer/Account", Roles.BackOffice),
    ];

    /// <summary>The entries <paramref name="user"/> may open; none before an account has chosen its own password.</summary>
    public static async Task<IReadOnlyList<Entry>> ForAsync(IAuthorizationService authorization, ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.MustChoose())
            return [];
        var allowed = new List<Entry>();
        foreach (var entry in Entries)
            if ((await authorization.AuthorizeAsync(user, entry.Policy)).Succeeded)
                allowed.Add(entry);
        return allowed;
    }

    /// <summary>"page" on the entry's own page, "true" on a page inside it (an item in Inhoud), else nothing.</summary>
    public static string? Current(string? href, string path) =>
        href is null ? null
        : string.Equals(path.TrimEnd('/'), href, StringComparison.OrdinalIgnoreCase) ? "page"
        : href != "/beheer" && path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase) ? "true"
        : null;
}
