
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>My account: change my password; two-step sign-in with an authenticator app (TOTP); passkeys.</summary>
public sealed class AccountModel(UserManager<Editor> users, SignInManager<Editor> signIn, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt, bool Synced);

    public IReadOnlyList<PasskeyRow> PasskeyList { get; private set; } = [];
    public bool TwoFactorEnabled { get; private set; }
    public bool WorkflowMail { get; private set; }
    /// <summary>The shared key to type into an authenticator app, in groups of four.</summary>
    public string? Key { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string? Message { get; private set; }
    public List<string> Problems { get; } = [];

    public async Task OnGetAsync() => await LoadAsync(showKey: false);

    /// <summary>Turns the review notices (waiting for review, sent back, published) on or off.</summary>
    public async Task<IActionResult> OnPostWorkflowMailAsync(bool on)
    {
        var me = (await users.GetUserAsync(User))!;
        me.WorkflowMailOff = !on;
        await users.UpdateAsync(me);
        Message = on ? "Je krijgt weer e-mail over werk dat op je wacht." : "Je krijgt geen e-mail meer over werk dat op je wacht.";
        await LoadAsync(showKey: false);
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? current, string? password)
    {
        var me = (await users.GetUserAsync(User))!;
        me.MustChangePassword = false;
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
        await signIn.RefreshSignInAsync(me); // a new key changes the security stamp; this session stays valid
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
        await signIn.RefreshSignInAsync(me);
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
        await signIn.RefreshSignInAsync(me);
        await audit.RecordAsync(me.Email!, "tweestapsverificatie uitgezet", me.Email!);
        Message = "Tweestapsverificatie staat uit.";
        await LoadAsync(showKey: false);
        return Page();
    }

    /// <summary>Step one of adding a passkey, called by passkeys.js: the options for navigator.credentials.create().</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var me = (await users.GetUserAsync(User))!;
        var json = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = me.Id, Name = me.Email!, DisplayName = me.DisplayName });
        return Content(json, "application/json");
    }

    /// <summary>Step two: the browser's new credential, checked against the challenge from step one, then stored.</summary>
    public async Task<IActionResult> OnPostAddPasskeyAsync(string? credential, string? name)
    {
        var me = (await users.GetUserAsync(User))!;
        if (string.IsNullOrWhiteSpace(credential))
            Problems.Add("Er is geen passkey gemaakt. Daarvoor is JavaScript nodig, en een browser of telefoon die passkeys kent.");
        else if ((await users.GetPasskeysAsync(me)).Count >= Passkeys.MaxPerAccount)
            Problems.Add($"Je hebt al {Passkeys.MaxPerAccount} passkeys. Verwijder er eerst een.");
        else
        {
            var result = await AttestAsync(credential);
            if (result is null || !result.Succeeded || result.UserEntity.Id != me.Id)
                Problems.Add("De passkey kon niet worden toegevoegd. Probeer het opnieuw; lukt het niet, gebruik dan een ander apparaat.");
            else
            {
                result.Passkey.Name = Passkeys.Name(name, clock.GetUtcNow());
                var added = await users.AddOrUpdatePasskeyAsync(me, result.Passkey);
                if (added.Succeeded)
                {
                    await audit.RecordAsync(me.Email!, $"passkey toegevoegd: {result.Passkey.Name}", me.Email!);
                    Message = $"Passkey \"{result.Passkey.Name}\" is toegevoegd. Je kunt er voortaan mee inloggen, zonder wachtwoord.";
                }
                else
                    Problems.AddRange(added.Errors.Select(e => e.Description));
            }
        }
        await LoadAsync(showKey: false);
        return Page();
    }

    private async Task<PasskeyAttestationResult?> AttestAsync(string credential)
    {
        try
        {
            return await signIn.PerformPasskeyAttestationAsync(credential);
        }
        catch (InvalidOperationException)
        {
            return null; // no challenge underway in this browser: never asked, already used, or its cookie expired
        }
    }

    public async Task<IActionResult> OnPostRenamePasskeyAsync(string? id, string? name)
    {
        if (await MyPasskeyAsync(id) is var (me, passkey))
        {
            passkey.Name = Passkeys.Name(name, passkey.CreatedAt);
            await users.AddOrUpdatePasskeyAsync(me, passkey);
            Message = $"De passkey heet nu \"{passkey.Name}\".";
        }
        await LoadAsync(showKey: false);
        return Page();
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(string? id)
    {
        if (await MyPasskeyAsync(id) is var (me, passkey))
        {
            await users.RemovePasskeyAsync(me, passkey.CredentialId);
            await signIn.RefreshSignInAsync(me);
            await audit.RecordAsync(me.Email!, $"passkey verwijderd: {passkey.Name}", me.Email!);
            Message = $"Passkey \"{passkey.Name}\" is verwijderd. Verwijder hem ook op je apparaat, anders blijft je apparaat hem aanbieden.";
        }
        await LoadAsync(showKey: false);
        return Page();
    }

    /// <summary>My passkey with the id a form sent, or null with a message when I have none by that id.</summary>
    private async Task<(Editor Me, UserPasskeyInfo Passkey)?> MyPasskeyAsync(string? id)
    {
        var me = (await users.GetUserAsync(User))!;
        if (Passkeys.ParseId(id) is { } credentialId && await users.GetPasskeyAsync(me, credentialId) is { } passkey)
            return (me, passkey);
        Problems.Add("Deze passkey bestaat niet (meer).");
        return null;
    }

    private async Task LoadAsync(bool showKey)
    {
        var me = (await users.GetUserAsync(User))!;
        PasskeyList = (await users.GetPasskeysAsync(me))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(Passkeys.IdText(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt, p.IsBackedUp))
            .ToList();
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(me);
        WorkflowMail = !me.WorkflowMailOff;
        if (!showKey || TwoFactorEnabled)
            return;
        // No key yet (the set-up was never started): nothing to show, the page offers to start.
        if (await users.GetAuthenticatorKeyAsync(me) is not { } key)
            return;
        Key = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Kennisplatform wijken")}:{Uri.EscapeDataString(me.Email!)}?secret={key}&issuer={Uri.EscapeDataString("Kennisplatform wijken")}&digits=6";
    }
}
