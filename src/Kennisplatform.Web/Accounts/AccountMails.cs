using Kennisplatform.Web.Mail;
using Kennisplatform.Web.OpenData;
using Microsoft.AspNetCore.Identity;

namespace Kennisplatform.Web.Accounts;

/// <summary>The mails that belong to accounts: a password reset link and an invitation to choose a password.</summary>
public sealed class AccountMails(UserManager<Editor> users, Mailer mailer, LinkGenerator links, IHttpContextAccessor http)
{
    public async Task SendResetAsync(Editor editor)
    {
        var token = await users.GeneratePasswordResetTokenAsync(editor);
        await mailer.SendAsync(new MailMessage("wachtwoord", editor.Email!, editor.DisplayName, "Een nieuw wachtwoord kiezen",
        [
            "Iemand heeft gevraagd om een nieuw wachtwoord voor je account bij Kennisplatform wijken. Was jij dat? Kies dan met de knop hieronder een nieuw wachtwoord. De link werkt één keer en is een uur geldig.",
            "Heb je niets gevraagd? Dan hoef je niets te doen: je wachtwoord blijft hetzelfde.",
        ])
        { Link = new("Nieuw wachtwoord kiezen", Link("/Beheer/WachtwoordHerstellen", editor.Id, token)) });
    }

    public async Task SendInvitationAsync(Editor editor, string role, string invitedBy)
    {
        var token = await users.GenerateUserTokenAsync(editor, AccountLinks.InvitationProvider, AccountLinks.InvitationPurpose);
        await mailer.SendAsync(new MailMessage("uitnodiging", editor.Email!, editor.DisplayName, "Je bent uitgenodigd voor Kennisplatform wijken",
        [
            $"{invitedBy} heeft een account voor je gemaakt bij Kennisplatform wijken, met de rol {role}.",
            "Kies met de knop hieronder je eigen wachtwoord. De link werkt één keer en is een week geldig. Daarna log je in met dit e-mailadres.",
        ])
        { Link = new("Wachtwoord kiezen", Link("/Beheer/Uitnodiging", editor.Id, token)) });
    }

    private string Link(string page, string userId, string token)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("Account mails are sent while handling a request.");
        var path = links.GetPathByPage(page, handler: null, values: new { gebruiker = userId, code = AccountLinks.Encode(token) })!;
        return PublicUrls.Absolute(context, path);
    }
}
