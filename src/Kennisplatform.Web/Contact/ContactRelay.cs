using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.Contact;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Contact;

/// <summary>A question as a visitor sent it.</summary>
public sealed record ContactQuestion(string Name, string Email, string Message, string SenderKey);

/// <summary>
/// Stores a contact message and relays it by mail, in one transaction: to a connector's private address, to a case's
/// contact person, or to the editors. The sender gets a copy that names the person but never shows their address.
/// </summary>
public sealed class ContactRelay(ContentDb db, Mailer mailer, UserManager<Editor> users, IOptions<MailOptions> options, TimeProvider clock)
{
    public static string FirstName(Connector connector) => connector.Title.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? connector.Title;

    public async Task ToEditorsAsync(ContactQuestion question, CancellationToken cancellationToken)
    {
        await RelayAsync(question, ContactTarget.Editors, null, await EditorAddressesAsync(), "Vraag via de contactpagina",
            "Iemand stelde een vraag via de contactpagina van Kennisplatform wijken.", "de redactie", cancellationToken);
    }

    public async Task ToConnectorAsync(ContactQuestion question, Connector connector, string pageUrl, CancellationToken cancellationToken)
    {
        var first = FirstName(connector);
        if (connector.ContactEmail.Length > 0)
            await RelayAsync(question, ContactTarget.Connector, connector.Id, [(connector.ContactEmail, first)], $"Een vraag voor jou via Kennisplatform wijken",
                $"Iemand stelde je een vraag via je profiel op Kennisplatform wijken ({pageUrl}). Antwoord je met 'beantwoorden', dan gaat je antwoord rechtstreeks naar de vrager; pas dan ziet die je e-mailadres.",
                first, cancellationToken);
        else
            await RelayAsync(question, ContactTarget.Connector, connector.Id, await EditorAddressesAsync(), $"Vraag voor wijkschakelaar {connector.Title}",
                $"Iemand stelde een vraag aan wijkschakelaar {connector.Title} ({pageUrl}). Van deze wijkschakelaar is geen e-mailadres bekend: wil je de vraag doorgeven?",
                first, cancellationToken);
    }

    public async Task AboutCaseAsync(ContactQuestion question, Case item, string pageUrl, CancellationToken cancellationToken)
    {
        if (item.ContactConnector is { ContactEmail.Length: > 0 } person)
            await RelayAsync(question, ContactTarget.Case, item.Id, [(person.ContactEmail, FirstName(person))], $"Een vraag over '{item.Title}'",
                $"Iemand stelde een vraag over het praktijkvoorbeeld '{item.Title}' ({pageUrl}), waarvan jij de contactpersoon bent. Antwoord je met 'beantwoorden', dan gaat je antwoord rechtstreeks naar de vrager.",
                FirstName(person), cancellationToken);
        else
            await RelayAsync(question, ContactTarget.Case, item.Id, await EditorAddressesAsync(), $"Vraag over '{item.Title}'",
                $"Iemand stelde een vraag over het praktijkvoorbeeld '{item.Title}' ({pageUrl}).", "de redactie", cancellationToken);
    }

    private async Task RelayAsync(ContactQuestion question, ContactTarget target, int? itemId, IReadOnlyList<(string Address, string Name)> recipients,
        string subject, string intro, string recipientName, CancellationToken cancellationToken)
    {
        db.ContactMessages.Add(new ContactMessage
        {
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            Target = target,
            ItemId = itemId,
            Name = question.Name,
            Email = question.Email,
            Message = question.Message,
            SenderKey = question.SenderKey,
        });
        foreach (var (address, name) in recipients)
            mailer.Queue(new MailMessage("contact", address, name, subject, [intro, $"Van: {question.Name} ({question.Email})"])
            {
                Quote = question.Message,
                ReplyTo = question.Email,
            });
        mailer.Queue(new MailMessage("contact-kopie", question.Email, question.Name, "Kopie van je vraag aan Kennisplatform wijken",
        [
            $"Bedankt voor je vraag. We hebben hem doorgestuurd naar {recipientName}. Hieronder staat wat je stuurde.",
            "Kreeg je dit bericht zonder dat je iets vroeg? Dan heeft iemand anders jouw adres ingevuld. Je hoeft niets te doen.",
        ])
        { Quote = question.Message });
        await db.SaveChangesAsync(cancellationToken);
        mailer.Wake();
    }

    /// <summary>The editors' shared address when set, else every redacteur and beheerder.</summary>
    private async Task<IReadOnlyList<(string, string)>> EditorAddressesAsync()
    {
        if (options.Value.EditorsAddress.Length > 0)
            return [(options.Value.EditorsAddress, "redactie")];
        var people = (await users.GetUsersInRoleAsync(Roles.Editor)).Concat(await users.GetUsersInRoleAsync(Roles.Administrator));
        return people.Where(p => p.Email is not null).DistinctBy(p => p.Id).Select(p => (p.Email!, p.DisplayName)).ToList();
    }
}
