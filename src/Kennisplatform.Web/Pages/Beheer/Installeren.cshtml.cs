using System.ComponentModel.DataAnnotations;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>
/// The first administrator, created through the one-time link from the log. Answers 404 to any other code and to
/// everyone once an administrator exists, so the page says nothing about the platform to a stranger.
/// </summary>
public sealed class InstallerenModel(SetupLink setup, UserManager<Editor> users, SignInManager<Editor> signIn, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty, Required(ErrorMessage = "Vul een naam in."), StringLength(200, ErrorMessage = "Een naam is hoogstens 200 tekens.")]
    public string Name { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Vul je e-mailadres in."), EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Kies een wachtwoord."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Herhaal het wachtwoord."), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "De twee wachtwoorden zijn niet gelijk.")]
    public string Repeat { get; set; } = "";

    public List<string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync() => await IsOpenAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await IsOpenAsync())
            return NotFound();
        if (!ModelState.IsValid)
            return Page();

        Editor? created = null;
        var outcome = await setup.UseAsync(Code, async () =>
        {
            // Checked again inside the gate: an administrator made meanwhile (by create-admin) closes the link.
            if (await AdministratorExistsAsync())
                return false;
            var editor = new Editor { UserName = Email.Trim(), Email = Email.Trim(), DisplayName = Name.Trim(), EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
            var result = await users.CreateAsync(editor, Password);
            if (!result.Succeeded)
            {
                Problems.AddRange(result.Errors.Select(e => e.Description));
                return false;
            }
            await users.AddToRoleAsync(editor, Roles.Administrator);
            created = editor;
            return true;
        });
        if (outcome != SetupOutcome.Done)
            // Refused with reasons (the password): the form again. Closed, or an administrator appeared: 404.
            return Problems.Count > 0 ? Page() : NotFound();

        await audit.RecordAsync(created!.Email!, "eerste beheerder gemaakt via de eenmalige link", created.Email!);
        await signIn.SignInAsync(created, isPersistent: false);
        return RedirectToPage("/Beheer/Index");
    }

    private async Task<bool> IsOpenAsync()
    {
        if (!await setup.MatchesAsync(Code))
            return false;
        if (!await AdministratorExistsAsync())
            return true;
        await setup.CloseAsync();
        return false;
    }

    private async Task<bool> AdministratorExistsAsync() => (await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0;
}
