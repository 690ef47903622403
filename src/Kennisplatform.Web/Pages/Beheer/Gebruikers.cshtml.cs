using System.ComponentModel.DataAnnotations;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>
/// Accounts, for beheerders only: invite, change role, disable, reset a password, remove (after a confirmation). Never
/// the last active beheerder, and never one's own account.
/// </summary>
[Authorize(Policy = Roles.Administration)]
public sealed class GebruikersModel(UserManager<Editor> users, AccountsDb accounts, AuditLog audit, AccountMails mails, TimeProvider clock,
    Kennisplatform.Content.Storage.ContentDb content) : PageModel
{
    public sealed record Row(Editor Editor, string Role, bool Disabled, int Passkeys)
    {
        /// <summary>How this account proves it is its owner besides a password, in words.</summary>
        public string Protection => (Editor.TwoFactorEnabled, Passkeys) switch
        {
            (false, 0) => "alleen wachtwoord",
            (true, 0) => "app-code",
            (false, 1) => "passkey",
            (false, var n) => $"{n} passkeys",
            (true, 1) => "app-code en passkey",
            (true, var n) => $"app-code en {n} passkeys",
        };
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>A password made now, shown once on the page the reset redirects to and stored nowhere else.</summary>
    public (string Email, string Password)? NewPassword => NewPasswordFor is { } email && NewPasswordValue is { } value ? (email, value) : null;
    // Every successful POST redirects (a refresh never posts again); what it says travels in TempData, read once.
    [TempData]
    public string? Message { get; set; }
    [TempData]
    public string? NewPasswordFor { get; set; }
    [TempData]
    public string? NewPasswordValue { get; set; }
    public List<string> Problems { get; } = [];
    public string? CurrentUserId => users.GetUserId(User);
    /// <summary>The account the beheerder asked to remove, waiting for their confirmation.</summary>
    public Editor? ToRemove { get; private set; }

    [BindProperty, Required(ErrorMessage = "Vul een e-mailadres in."), EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres.")]
    public string Email { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Vul een naam in."), StringLength(200, ErrorMessage = "Een naam is hoogstens 200 tekens.")]
    public string Name { get; set; } = "";
    [BindProperty]
    public string Role { get; set; } = Roles.Author;

    public async Task OnGetAsync(string? verwijderen)
    {
        if (verwijderen is not null)
        {
            if (await users.FindByIdAsync(verwijderen) is not { } editor)
                Problems.Add("Dit account bestaat niet (meer).");
            else if (await RemovalProblemAsync(editor) is { } problem)
                Problems.Add(problem);
            else
                ToRemove = editor;
        }
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!Roles.All.Contains(Role))
            ModelState.AddModelError(nameof(Role), "Kies een bestaande rol.");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        // No password yet: the invitation lets the new editor choose one, so nobody else ever knows it.
        var editor = new Editor { UserName = Email.Trim(), Email = Email.Trim(), DisplayName = Name.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(editor);
        if (created.Succeeded)
        {
            await users.AddToRoleAsync(editor, Role);
            var inviter = await users.GetUserAsync(User);
            await mails.SendInvitationAsync(editor, Role, inviter?.DisplayName is { Length: > 0 } name ? name : User.Identity!.Name!);
            await audit.RecordAsync(User.Identity!.Name!, $"account gemaakt met rol {Role}, uitnodiging gestuurd", editor.Email!);
            Message = $"Account voor {editor.DisplayName} gemaakt met de rol {Role}. Er is een uitnodiging gestuurd naar {editor.Email}; met de link daarin kiest {editor.DisplayName} een eigen wachtwoord.";
            return RedirectToPage();
        }
        else
            Problems.AddRange(created.Errors.Select(e => e.Description));
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostRoleAsync(string? id, string? role) => ChangeAsync(id, async editor =>
    {
        if (role is null || !Roles.All.Contains(role))
            return "Kies een bestaande rol.";
        if (await IsLastActiveAdministratorAsync(editor) && role != Roles.Administrator)
            return "Dit is de laatste actieve beheerder. Maak eerst iemand anders beheerder.";
        await users.RemoveFromRolesAsync(editor, await users.GetRolesAsync(editor));
        await users.AddToRoleAsync(editor, role);
        await users.UpdateSecurityStampAsync(editor); // open sessions end at their next check and sign in with the new role
        await audit.RecordAsync(User.Identity!.Name!, $"rol gewijzigd in {role}", editor.Email!);
        Message = $"{editor.DisplayName} heeft nu de rol {role}.";
        return null;
    });

    public Task<IActionResult> OnPostDisableAsync(string? id) => ChangeAsync(id, async editor =>
    {
        if (await IsLastActiveAdministratorAsync(editor))
            return "Dit is de laatste actieve beheerder. Die kan niet worden uitgeschakeld.";
        await users.SetLockoutEnabledAsync(editor, true);
        await users.SetLockoutEndDateAsync(editor, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(editor); // ends sessions that are already open
        await audit.RecordAsync(User.Identity!.Name!, "account uitgeschakeld", editor.Email!);
        Message = $"{editor.DisplayName} kan niet meer inloggen.";
        return null;
    });

    public Task<IActionResult> OnPostEnableAsync(string? id) => ChangeAsync(id, async editor =>
    {
        await users.SetLockoutEndDateAsync(editor, null);
        await users.ResetAccessFailedCountAsync(editor);
        await audit.RecordAsync(User.Identity!.Name!, "account ingeschakeld", editor.Email!);
        Message = $"{editor.DisplayName} kan weer inloggen.";
        return null;
    });

    public Task<IActionResult> OnPostResetAsync(string? id) => ChangeAsync(id, async editor =>
    {
        var password = Passwords.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(editor);
        editor.MustChangePassword = true; // a password someone else knows is only for the first sign-in
        var reset = await users.ResetPasswordAsync(editor, token, password);
        if (!reset.Succeeded)
            return string.Join(" ", reset.Errors.Select(e => e.Description));
        await audit.RecordAsync(User.Identity!.Name!, "nieuw wachtwoord gemaakt", editor.Email!);
        (NewPasswordFor, NewPasswordValue) = (editor.Email!, password);
        Message = $"Nieuw wachtwoord voor {editor.DisplayName}. Het oude werkt niet meer. Na het inloggen kiest {editor.DisplayName} eerst een eigen wachtwoord.";
        return null;
    });

    /// <summary>
    /// Removes the account; its open sessions end at their next check (within a minute), as the account is gone. What
    /// it wrote stays, naming "een account dat niet meer bestaat" instead of its address; review remarks keep the name they were written with.
    /// </summary>
    public Task<IActionResult> OnPostRemoveAsync(string? id) => ChangeAsync(id, async editor =>
    {
        if (await RemovalProblemAsync(editor) is { } problem)
            return problem;
        var role = (await users.GetRolesAsync(editor)).FirstOrDefault() ?? "geen";
        // The address leaves the content first: that can be repeated, so a failure here leaves the account to remove again.
        await RemovedAccounts.ForgetAsync(content, editor.UserName!);
        var removed = await users.DeleteAsync(editor);
        if (!removed.Succeeded)
            return string.Join(" ", removed.Errors.Select(e => e.Description));
        await audit.RecordAsync(User.Identity!.Name!, $"account verwijderd ({editor.DisplayName}, rol {role})", editor.Email!);
        Message = $"Het account van {editor.DisplayName} is verwijderd. Wat {editor.DisplayName} schreef, blijft staan.";
        return null;
    });

    private async Task<string?> RemovalProblemAsync(Editor editor) =>
        editor.Id == users.GetUserId(User) ? "Je eigen account kun je niet verwijderen. Vraag dat aan een andere beheerder."
        : await IsLastActiveAdministratorAsync(editor) ? "Dit is de laatste actieve beheerder. Maak eerst iemand anders beheerder."
        : null;

    /// <summary>
    /// Account changes are made one at a time, each reading the account and the active beheerders only after the change
    /// before it is stored: two beheerders who demote, disable or remove each other at the same moment leave one. In
    /// one process a gate does it; on PostgreSQL, where several nodes share the database, a transaction-scoped advisory lock.
    /// </summary>
    private static readonly SemaphoreSlim OneChangeAtATime = new(1, 1);
    private const long AccountChangesLock = 0x4B50_4245_4845_4552; // "KPBEHEER"

    private async Task<IActionResult> ChangeAsync(string? id, Func<Editor, Task<string?>> change)
    {
        // Only the action's own fields are posted; the create form's rules do not apply here.
        ModelState.Clear();
        string? problem;
        await OneChangeAtATime.WaitAsync(HttpContext.RequestAborted);
        try
        {
            await using var transaction = accounts.Database.IsNpgsql() ? await accounts.Database.BeginTransactionAsync(HttpContext.RequestAborted) : null;
            if (transaction is not null)
                await accounts.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AccountChangesLock})", HttpContext.RequestAborted);
            problem = string.IsNullOrEmpty(id) || await users.FindByIdAsync(id) is not { } editor ? "Dit account bestaat niet (meer)." : await change(editor);
            if (problem is null && transaction is not null)
                await transaction.CommitAsync(HttpContext.RequestAborted);
        }
        finally
        {
            OneChangeAtATime.Release();
        }
        if (problem is null)
            return RedirectToPage();
        Problems.Add(problem);
        await LoadAsync();
        return Page();
    }

    private async Task<bool> IsLastActiveAdministratorAsync(Editor editor)
    {
        var now = clock.GetUtcNow();
        // A disabled beheerder is not one of the active ones, so changing it never leaves the site without one.
        if (!await users.IsInRoleAsync(editor, Roles.Administrator) || editor.LockoutEnd > now)
            return false;
        // Read from the database as it is now, not from accounts this request already loaded (the signed-in one is).
        var lockouts = await accounts.Users.AsNoTracking()
            .Where(u => accounts.UserRoles.Any(r => r.UserId == u.Id && accounts.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.Administrator)))
            .Select(u => u.LockoutEnd).ToListAsync(HttpContext.RequestAborted);
        return lockouts.Count(end => end is null || end <= now) <= 1;
    }

    private async Task LoadAsync()
    {
        var now = clock.GetUtcNow();
        // One query for every account with its role and number of passkeys, however many accounts there are.
        var accountsWithRoles = await accounts.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new
        {
            Editor = u,
            Role = accounts.UserRoles.Where(r => r.UserId == u.Id).Join(accounts.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name).FirstOrDefault(),
            Passkeys = accounts.Set<IdentityUserPasskey<string>>().Count(p => p.UserId == u.Id),
        }).ToListAsync(HttpContext.RequestAborted);
        Rows = accountsWithRoles.Select(a => new Row(a.Editor, a.Role ?? "geen", a.Editor.LockoutEnd is { } end && end > now.AddYears(50), a.Passkeys)).ToList();
    }
}
