using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>The page an invitation opens: the new editor chooses their own password. Setting it changes the security stamp, so the link works once.</summary>
public sealed class UitnodigingModel(UserManager<Editor> users, AuditLog audit) : NewPasswordForm
{
    public async Task OnGetAsync() => LinkInvalid = await ValidInviteeAsync() is null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await ValidInviteeAsync() is not { } editor)
        {
            LinkInvalid = true;
            return Page();
        }
        if (!ModelState.IsValid)
            return Page();
        var result = await users.AddPasswordAsync(editor, Password);
        if (!result.Succeeded)
        {
            Problems.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }
        editor.EmailConfirmed = true; // the link reached this mailbox
        await users.UpdateAsync(editor);
        await audit.RecordAsync(editor.Email!, "uitnodiging aangenomen", editor.Email!);
        Done = true;
        return Page();
    }

    private async Task<Editor?> ValidInviteeAsync()
    {
        if (string.IsNullOrEmpty(UserId) || AccountLinks.Decode(Code) is not { } token || await users.FindByIdAsync(UserId) is not { } editor)
            return null;
        if (await users.HasPasswordAsync(editor))
            return null;
        return await users.VerifyUserTokenAsync(editor, AccountLinks.InvitationProvider, AccountLinks.InvitationPurpose, token) ? editor : null;
    }
}
