using Kennisplatform.Content.Model;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.OpenData;
using Microsoft.AspNetCore.Identity;

namespace Kennisplatform.Web.Mail;

/// <summary>
/// Review notices: editors hear when something waits for review, auteurs when their item was sent back or published.
/// Nobody gets a mail about their own action, and each person can turn these off on the account page.
/// </summary>
public sealed class WorkflowMails(UserManager<Editor> users, Mailer mailer, TimeProvider clock)
{
    public async Task AfterAsync(ContentItem item, string action, string actor, HttpContext context, string? remark = null)
    {
        var link = new MailLink("Openen in het beheer", PublicUrls.Absolute(context, $"/beheer/inhoud/{item.Id}"));
        if (action == "aanbieden")
        {
            var editors = (await users.GetUsersInRoleAsync(Roles.Editor)).Concat(await users.GetUsersInRoleAsync(Roles.Administrator)).DistinctBy(e => e.Id);
            foreach (var editor in editors.Where(e => !e.WorkflowMailOff && e.Email is not null && e.Email != actor))
                mailer.Queue(new MailMessage("beoordeling", editor.Email!, editor.DisplayName, $"Ter beoordeling: {item.Title}",
                    [$"'{item.Title}' ({item.Kind.Label().ToLowerInvariant()}) wacht op beoordeling.", "Deze e-mail kun je uitzetten bij Mijn account."])
                { Link = link });
        }
        else if (item.Author != actor && await users.FindByEmailAsync(item.Author) is { WorkflowMailOff: false, Email: { } email } author)
        {
            var text = action == "terugsturen"
                ? $"'{item.Title}' is teruggestuurd. Het staat weer als concept klaar om aan te passen."
                : item.PublishedAt > clock.GetUtcNow().UtcDateTime ? $"'{item.Title}' is ingepland en verschijnt op {DutchTime.Date(item.PublishedAt.Value)} om {DutchTime.Time(item.PublishedAt.Value)}."
                : $"'{item.Title}' is gepubliceerd en staat nu op de site.";
            string[] lines = remark is null ? [text, "Deze e-mail kun je uitzetten bij Mijn account."]
                : [text, "De opmerking van de redactie:", remark, "Deze e-mail kun je uitzetten bij Mijn account."];
            mailer.Queue(new MailMessage("beoordeling", email, author.DisplayName, action == "terugsturen" ? $"Teruggestuurd: {item.Title}" : $"Gepubliceerd: {item.Title}", lines)
            { Link = link });
        }
        await mailer.SaveAsync();
    }
}
