using Kennisplatform.Content.Alerts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Kennisplatform.Web.Pages.Alerts;

/// <summary>
/// Unsubscribing. A GET shows a button; a POST ends the alert. The POST needs no antiforgery token: mail programs
/// post here themselves for one-click unsubscribe (RFC 8058, List-Unsubscribe-Post), and the 256-bit code in the
/// address is the only thing that grants it, so there is no session a forged request could borrow.
/// </summary>
[OutputCache(NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class AfmeldenModel(Kennisplatform.Web.Alerts.AlertSubscriptions alerts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }
    public Subscription? Subscription { get; private set; }
    public bool Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Subscription = await alerts.FindAsync(Code, cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken) => Done = await alerts.UnsubscribeAsync(Code, cancellationToken);
}
