using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Accounts;

/// <summary>
/// An account whose password someone else made must choose its own before it does anything else in the back office.
/// The flag travels as a claim in the sign-in cookie, so no request needs the database to know it; choosing a password
/// refreshes the cookie without it.
/// </summary>
public static class OwnPassword
{
    public const string ClaimType = "kennisplatform:must-change-password";
    public const string PagePath = "/beheer/wachtwoord-kiezen";

    /// <summary>What stays reachable before a password is chosen: the choosing page itself, signing in and out.</summary>
    private static readonly string[] Open = [PagePath, "/beheer/uitloggen", "/beheer/inloggen", "/beheer/geen-toegang"];

    public static bool MustChoose(this ClaimsPrincipal user) => user.HasClaim(ClaimType, "true");

    /// <summary>Sends every back-office request of an account that must choose its own password to the page where it does.</summary>
    public static void RequireOwnPassword(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.MustChoose() && path.StartsWithSegments("/beheer", StringComparison.OrdinalIgnoreCase)
            && !Open.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(PagePath);
            return;
        }
        await next();
    });
}

/// <summary>Identity's own claims (name, id, roles, security stamp), plus the must-change-password flag.</summary>
public sealed class EditorClaimsFactory(UserManager<Editor> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Editor, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Editor user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(OwnPassword.ClaimType, "true"));
        return identity;
    }
}
