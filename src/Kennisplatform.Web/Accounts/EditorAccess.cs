using System.Security.Claims;
using Kennisplatform.Content.Model;
using Microsoft.AspNetCore.Authorization;

namespace Kennisplatform.Web.Accounts;

/// <summary>Who may work on which item: the one place for the rule every editing page applies on the server.</summary>
public static class EditorAccess
{
    public static async Task<bool> MayPublishAsync(this IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Roles.Publishing)).Succeeded;

    /// <summary>Redacteuren and beheerders work on everything; an auteur on their own concepts only.</summary>
    public static bool MayWorkOn(ContentItem item, ClaimsPrincipal user, bool mayPublish) =>
        mayPublish || item.Id == 0 || (item.Author == user.Identity?.Name && item.Status is ContentStatus.Draft);
}
