using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Accounts;

/// <summary>What the reset and invitation pages share: a link (account id and code) and a new password typed twice.</summary>
public abstract class NewPasswordForm : PageModel
{
    [BindProperty(SupportsGet = true, Name = "gebruiker")]
    public string? UserId { get; set; }
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }
    [BindProperty, Required(ErrorMessage = "Kies een wachtwoord."), DataType(DataType.Password)]
    public string Password { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Typ het wachtwoord nog een keer."), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "De twee wachtwoorden zijn niet gelijk.")]
    public string Repeat { get; set; } = "";

    public List<string> Problems { get; } = [];
    public bool Done { get; protected set; }
    /// <summary>Whether the link itself is broken, used or too old: then the form is not shown.</summary>
    public bool LinkInvalid { get; protected set; }
}
