using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>The page a reset link opens. Identity checks the code against the account's security stamp: it works once.</summary>
public sealed class WachtwoordHerstellenModel(UserManager<Editor> users, AuditLog audit) : NewPasswordForm
{
    public async Task OnGetAsync() =>
        LinkInvalid = await FindAsync() is not { } editor
            || !await users.VerifyUserTokenAsync(editor, users.Options.Tokens.PasswordResetTokenProvider, UserManager<Editor>.ResetPasswordTokenPurpose, AccountLinks.Decode(Code)!);

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindAsync() is not { } editor)
        {
            LinkInvalid = true;
            return Page();
        }
        if (!ModelState.IsValid)
            return Page();
        editor.MustChangePassword = false; // chosen by the owner, through their own mailbox
        var result = await users.ResetPasswordAsync(editor, AccountLinks.Decode(Code)!, Password);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(editor);
            await audit.RecordAsync(editor.Email!, "wachtwoord hersteld via e-mail", editor.Email!);
            Done = true;
        }
        else if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            LinkInvalid = true;
        else
            Problems.AddRange(result.Errors.Select(e => e.Description));
        return Page();
    }

    private async Task<Editor?> FindAsync() =>
        string.IsNullOrEmpty(UserId) || AccountLinks.Decode(Code) is null ? null : await users.FindByIdAsync(UserId);
}
