using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>The second step of signing in: the code from the authenticator app, or a recovery code.</summary>
public sealed class InloggenCodeModel(SignInManager<Editor> signIn) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(AccountsSetup.LoginPath) : Page();

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return Redirect(AccountsSetup.LoginPath);
        // An app code is six digits (spaces allowed); a recovery code is kept as written, dash included.
        var token = (code ?? "").Replace(" ", "");
        var result = token.Length == 6 && token.All(char.IsDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(token, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(token);
        if (result.IsLockedOut)
        {
            Problem = SignInMessages.LockedOut(signIn.Options.Lockout.DefaultLockoutTimeSpan);
            return Page();
        }
        if (!result.Succeeded)
        {
            Problem = "Deze code klopt niet. Gebruik de nieuwste code uit je app, of een herstelcode.";
            return Page();
        }
        return LocalRedirect(AccountsSetup.AfterSignIn(Url, ReturnUrl));
    }
}
