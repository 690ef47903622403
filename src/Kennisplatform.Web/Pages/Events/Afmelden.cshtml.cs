using Kennisplatform.Content.Events;
using Kennisplatform.Web.Events;
using Kennisplatform.Web.OpenData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Kennisplatform.Web.Pages.Events;

/// <summary>The personal cancel link from the confirmation mail. A GET only shows what will happen; the button cancels.</summary>
[OutputCache(NoStore = true)]
public sealed class AfmeldenModel(Registrations registrations) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }
    public Registration? Registration { get; private set; }
    public bool Cancelled { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Registration = await registrations.FindAsync(Code, cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Registration = await registrations.FindAsync(Code, cancellationToken);
        Cancelled = Registration is { IsActive: true } && await registrations.CancelAsync(Code, PublicUrls.Base(HttpContext), cancellationToken);
    }
}
