using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Contact;
using Kennisplatform.Web.OpenData;
using Kennisplatform.Web.Site;
using Kennisplatform.Web.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Content;

/// <summary>
/// "Stel je vraag aan ..." on a connector's profile and "Stel een vraag over dit voorbeeld" on a case: a form on a
/// page of its own, so the detail page itself stays cacheable.
/// </summary>
public sealed class QuestionModel(SiteQueries queries, ContentDb db, ContactRelay relay, SubmissionGuard guard) : ContactForm(guard)
{
    public ContentItem Item { get; private set; } = null!;
    public TypeDescriptor Section { get; private set; } = null!;
    public string Heading => Item is Connector person ? $"Stel je vraag aan {ContactRelay.FirstName(person)}" : "Stel een vraag over dit voorbeeld";

    public async Task<IActionResult> OnGetAsync(string section, string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(section, slug, cancellationToken) is { } missing)
            return missing;
        NewStamp();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string section, string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(section, slug, cancellationToken) is { } missing)
            return missing;
        if (!await AcceptAsync())
            return Page();
        var question = new ContactQuestion(Name.Trim(), Email.Trim(), Message.Trim(), Address);
        var url = PublicUrls.Absolute(HttpContext, Sections.UrlOf(Item));
        // The private address is read here, in the back end, and goes no further than the outbox.
        if (Item is Connector)
            await relay.ToConnectorAsync(question, await db.Items.OfType<Connector>().AsNoTracking().SingleAsync(c => c.Id == Item.Id, cancellationToken), url, cancellationToken);
        else
            await relay.AboutCaseAsync(question, await db.Items.OfType<Case>().AsNoTracking().Include(c => c.ContactConnector).SingleAsync(c => c.Id == Item.Id, cancellationToken), url, cancellationToken);
        Accepted();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string section, string slug, CancellationToken cancellationToken)
    {
        var (found, refusal) = await queries.FindAsync(Request, section, slug, "/vraag", type => type is ContentType.Connector or ContentType.Case, cancellationToken);
        if (found is not null)
            (Section, Item) = (found.Section, found.Item);
        return refusal;
    }
}
