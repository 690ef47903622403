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
        mayPublish || item.Id == 0 || (IsOwn(item, user) && item.Status is ContentStatus.Draft);

    /// <summary>
    /// An auteur always sees their own items, in every state (read-only where they may not change them), with their
    /// history and the review remarks; redacteuren and beheerders see everything.
    /// </summary>
    public static bool MayView(ContentItem item, ClaimsPrincipal user, bool mayPublish) =>
        mayPublish || item.Id == 0 || IsOwn(item, user);

    private static bool IsOwn(ContentItem item, ClaimsPrincipal user) =>
        user.Identity?.Name is { Length: > 0 } name && item.Author == name;
}
