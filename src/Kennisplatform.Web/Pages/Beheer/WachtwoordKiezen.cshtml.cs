using System.ComponentModel.DataAnnotations;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>
/// The first thing an account does after signing in with a password someone else made: choose its own. The one-time
/// password was just typed to sign in, so only the new one is asked, twice.
/// </summary>
public sealed class WachtwoordKiezenModel(UserManager<Editor> users, SignInManager<Editor> signIn, AuditLog audit) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Kies een wachtwoord."), DataType(DataType.Password)]
    public string Password { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Typ het wachtwoord nog een keer."), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "De twee wachtwoorden zijn niet gelijk.")]
    public string Repeat { get; set; } = "";

    /// <summary>Whether this account still has a password someone else made; otherwise changing it is on "Mijn account".</summary>
    public bool MustChoose { get; private set; }
    public List<string> Problems { get; } = [];

    public async Task OnGetAsync() => MustChoose = (await users.GetUserAsync(User))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { MustChangePassword: true } me)
            return RedirectToPage();
        MustChoose = true;
        if (!ModelState.IsValid)
            return Page();
        if (await users.CheckPasswordAsync(me, Password))
        {
            ModelState.AddModelError(nameof(Password), "Dit is het wachtwoord dat je kreeg. Kies een ander wachtwoord, dat alleen jij kent.");
            return Page();
        }
        me.MustChangePassword = false;
        var result = await users.ResetPasswordAsync(me, await users.GeneratePasswordResetTokenAsync(me), Password);
        if (!result.Succeeded)
        {
            me.MustChangePassword = true;
            Problems.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }
        // The new security stamp would end this session at its next check: sign in again with the new stamp and without the flag.
        await signIn.RefreshSignInAsync(me);
        await audit.RecordAsync(me.Email!, "eigen wachtwoord gekozen", me.Email!);
        return RedirectToPage("/Beheer/Index");
    }
}
