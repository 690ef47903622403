using System.ComponentModel.DataAnnotations;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

public sealed class InloggenModel(SignInManager<Editor> signIn, UserManager<Editor> users, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul je e-mailadres in."), EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vul je wachtwoord in."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return Redirect("/beheer/inloggen/code" + (ReturnUrl is { Length: > 0 } ? "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl) : ""));
        if (result.IsLockedOut)
        {
            Problem = "Je account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.";
            return Page();
        }
        if (!result.Succeeded)
        {
            // The same message whether the address exists or not: the form must not tell who has an account.
            Problem = "Het e-mailadres of het wachtwoord klopt niet.";
            return Page();
        }
        if (await users.FindByEmailAsync(Email.Trim()) is { } editor)
        {
            editor.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(editor);
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/beheer", StringComparison.Ordinal) ? ReturnUrl : "/beheer");
    }
}
