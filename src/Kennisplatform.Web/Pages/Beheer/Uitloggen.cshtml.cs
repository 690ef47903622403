using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>Signing out is a POST with an antiforgery token: a link elsewhere cannot sign someone out.</summary>
public sealed class UitloggenModel(SignInManager<Editor> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Beheer/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
