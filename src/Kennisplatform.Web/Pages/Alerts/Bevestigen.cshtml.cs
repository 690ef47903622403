using Kennisplatform.Content.Alerts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Kennisplatform.Web.Pages.Alerts;

/// <summary>The second step of the double opt-in. A GET (a link opened by a mail scanner) changes nothing; the button confirms.</summary>
[OutputCache(NoStore = true)]
public sealed class BevestigenModel(Kennisplatform.Web.Alerts.AlertSubscriptions alerts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }
    public Subscription? Subscription { get; private set; }
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Subscription = await alerts.FindAsync(Code, cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Subscription = await alerts.ConfirmAsync(Code, cancellationToken);
        Confirmed = Subscription is not null;
    }
}
