
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>My account: change my password; turn on two-step sign-in with an authenticator app (TOTP).</summary>
public sealed class AccountModel(UserManager<Editor> users, SignInManager<Editor> signIn, AuditLog audit) : PageModel
{
    public bool TwoFactorEnabled { get; private set; }
    /// <summary>The shared key to type into an authenticator app, in groups of four.</summary>
    public string? Key { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string? Message { get; private set; }
    public List<string> Problems { get; } = [];

    public async Task OnGetAsync() => await LoadAsync(showKey: false);

    public async Task<IActionResult> OnPostPasswordAsync(string? current, string? password)
    {
        var me = (await users.GetUserAsync(User))!;
        var changed = await users.ChangePasswordAsync(me, current ?? "", password ?? "");
        if (changed.Succeeded)
        {
            await signIn.RefreshSignInAsync(me);
            await audit.RecordAsync(me.Email!, "eigen wachtwoord gewijzigd", me.Email!);
            Message = "Je wachtwoord is gewijzigd.";
        }
        else
            Problems.AddRange(changed.Errors.Select(e => e.Description));
        await LoadAsync(showKey: false);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        var me = (await users.GetUserAsync(User))!;
        await users.ResetAuthenticatorKeyAsync(me);
        await LoadAsync(showKey: true);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? code)
    {
        var me = (await users.GetUserAsync(User))!;
        var token = (code ?? "").Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(me, users.Options.Tokens.AuthenticatorTokenProvider, token))
        {
            Problems.Add("Deze code klopt niet. Controleer de tijd op je telefoon en probeer de nieuwste code.");
            await LoadAsync(showKey: true);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(me, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(me, 10))!.ToList();
        await audit.RecordAsync(me.Email!, "tweestapsverificatie aangezet", me.Email!);
        Message = "Tweestapsverificatie staat aan. Bewaar de herstelcodes hieronder op een veilige plek: ze worden niet nog eens getoond.";
        await LoadAsync(showKey: false);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var me = (await users.GetUserAsync(User))!;
        await users.SetTwoFactorEnabledAsync(me, false);
        await users.ResetAuthenticatorKeyAsync(me);
        await audit.RecordAsync(me.Email!, "tweestapsverificatie uitgezet", me.Email!);
        Message = "Tweestapsverificatie staat uit.";
        await LoadAsync(showKey: false);
        return Page();
    }

    private async Task LoadAsync(bool showKey)
    {
        var me = (await users.GetUserAsync(User))!;
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(me);
        if (!showKey || TwoFactorEnabled)
            return;
        // No key yet (the set-up was never started): nothing to show, the page offers to start.
        if (await users.GetAuthenticatorKeyAsync(me) is not { } key)
            return;
        Key = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Kennisplatform wijken")}:{Uri.EscapeDataString(me.Email!)}?secret={key}&issuer={Uri.EscapeDataString("Kennisplatform wijken")}&digits=6";
    }
}
