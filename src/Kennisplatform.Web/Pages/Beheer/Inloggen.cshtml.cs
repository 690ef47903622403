using System.ComponentModel.DataAnnotations;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Pages.Beheer;

public sealed class InloggenModel(SignInManager<Editor> signIn, PasswordSignIn passwords, IOptions<SignInLimitOptions> limits) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul je e-mailadres in."), EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vul je wachtwoord in."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "onbekend";
        switch (await passwords.SignInAsync(Email, Password, client, cancellationToken))
        {
            case PasswordOutcome.SignedIn:
                return LocalRedirect(AccountsSetup.AfterSignIn(Url, ReturnUrl));
            case PasswordOutcome.NeedsCode:
                return RedirectToPage("/Beheer/InloggenCode", new { ReturnUrl = ReturnUrl is { Length: > 0 } ? ReturnUrl : null });
            case PasswordOutcome.LockedOut:
                Problem = SignInMessages.LockedOut(signIn.Options.Lockout.DefaultLockoutTimeSpan);
                return Page();
            case PasswordOutcome.Paused:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Problem = SignInMessages.Paused(limits.Value.Window);
                return Page();
            default:
                // The same message whether the address exists or not: the form must not tell who has an account.
                Problem = "Het e-mailadres of het wachtwoord klopt niet.";
                return Page();
        }
    }

    /// <summary>Step one of signing in with a passkey, called by passkeys.js: a challenge for any passkey of this site.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json");

    /// <summary>Step two: the browser's signed answer. A passkey checks the person itself, so no second step follows.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credential)
    {
        ModelState.Clear(); // the e-mail and password fields are not part of this form
        if (string.IsNullOrWhiteSpace(credential))
        {
            Problem = "Inloggen met een passkey lukt alleen met JavaScript aan. Je kunt ook inloggen met je wachtwoord.";
            return Page();
        }
        Microsoft.AspNetCore.Identity.SignInResult result;
        try
        {
            result = await signIn.PasskeySignInAsync(credential);
        }
        catch (InvalidOperationException)
        {
            // No challenge underway in this browser: never asked, already used (a replay) or its cookie expired.
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        if (result.IsLockedOut)
        {
            Problem = SignInMessages.LockedOut(signIn.Options.Lockout.DefaultLockoutTimeSpan);
            return Page();
        }
        if (!result.Succeeded)
        {
            Problem = "Inloggen met deze passkey is niet gelukt. Probeer het opnieuw, of log in met je wachtwoord.";
            return Page();
        }
        return LocalRedirect(AccountsSetup.AfterSignIn(Url, ReturnUrl));
    }
}
