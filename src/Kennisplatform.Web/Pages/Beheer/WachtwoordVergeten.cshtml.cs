using System.ComponentModel.DataAnnotations;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>"Wachtwoord vergeten?": a reset link by mail. The answer is the same whether or not the address has an account.</summary>
public sealed class WachtwoordVergetenModel(UserManager<Editor> users, AccountMails mails, ResetRequestLimiter limiter, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul je e-mailadres in."), EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres."), StringLength(200, ErrorMessage = "Een e-mailadres is hoogstens 200 tekens.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var email = Email.Trim();
        if (!limiter.Allows(HttpContext.Connection.RemoteIpAddress?.ToString() ?? "onbekend", email))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Problem = "Er is in het afgelopen uur al vaak om een nieuw wachtwoord gevraagd. Probeer het later opnieuw.";
            return Page();
        }
        // A disabled account gets no link: it could not sign in with the new password anyway.
        if (await users.FindByEmailAsync(email) is { } editor && !(editor.LockoutEnd is { } end && end > clock.GetUtcNow().AddYears(50)))
            await mails.SendResetAsync(editor);
        Sent = true;
        return Page();
    }
}
