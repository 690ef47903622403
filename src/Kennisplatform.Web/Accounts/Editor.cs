using Microsoft.AspNetCore.Identity;

namespace Kennisplatform.Web.Accounts;

/// <summary>Someone who works in the back office: a beheerder, redacteur or auteur.</summary>
public class Editor : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
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
