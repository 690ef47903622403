using Microsoft.AspNetCore.Identity;

namespace Kennisplatform.Web.Accounts;

/// <summary>Someone who works in the back office: a beheerder, redacteur or auteur.</summary>
public class Editor : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
    /// <summary>
    /// No mail when something waits for my review, or my item was sent back or published. Stored as "off" so that
    /// every account, old or new, starts with the mails on.
    /// </summary>
    public bool WorkflowMailOff { get; set; }
    /// <summary>
    /// The password was made by someone else (a beheerder's "nieuw wachtwoord", a generated create-admin password): until
    /// the owner chooses their own, every back-office page leads to the page where they do.
    /// </summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>The three roles. Their names are Dutch because people see them.</summary>
public static class Roles
{
    public const string Administrator = "beheerder";
    public const string Editor = "redacteur";
    public const string Author = "auteur";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Author];

    /// <summary>Policy names: who may do what in /beheer.</summary>
    public const string BackOffice = "BackOffice";
    public const string Publishing = "Publishing";
    public const string Administration = "Administration";
}
