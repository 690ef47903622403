using Kennisplatform.Content.Model;
using Kennisplatform.Web.Contact;
using Kennisplatform.Web.Site;
using Kennisplatform.Web.Submissions;
using Microsoft.AspNetCore.Mvc;

namespace Kennisplatform.Web.Pages;

/// <summary>/contact: the editors' free page "contact" (when there is one) with a form to the editors.</summary>
public sealed class ContactModel(SiteQueries queries, ContactRelay relay, SubmissionGuard guard) : ContactForm(guard)
{
    public ContentItem? Intro { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        NewStamp();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (await AcceptAsync())
        {
            await relay.ToEditorsAsync(new(Name.Trim(), Email.Trim(), Message.Trim(), Address), cancellationToken);
            Accepted();
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Intro = await queries.FindAsync(ContentType.Page, Kennisplatform.Content.Pages.Page.ContactSlug, cancellationToken) is Lookup.Found found ? found.Item : null;
}
