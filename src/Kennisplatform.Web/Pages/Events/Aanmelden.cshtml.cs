using System.ComponentModel.DataAnnotations;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.Model;
using Kennisplatform.Web.Events;
using Kennisplatform.Web.OpenData;
using Kennisplatform.Web.Site;
using Kennisplatform.Web.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Kennisplatform.Web.Pages.Events;

/// <summary>The registration form of an event: a place, or the waiting list when it is full.</summary>
[OutputCache(NoStore = true)]
public sealed class AanmeldenModel(SiteQueries queries, Registrations registrations, SubmissionGuard guard, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul je naam in."), StringLength(200, ErrorMessage = "Gebruik hoogstens 200 tekens.")]
    public string Name { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Vul je e-mailadres in: daar komt je bevestiging."), EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres."), StringLength(200)]
    public string Email { get; set; } = "";
    [BindProperty, StringLength(200, ErrorMessage = "Gebruik hoogstens 200 tekens.")]
    public string Organisation { get; set; } = "";
    [BindProperty, StringLength(1000, ErrorMessage = "Gebruik hoogstens 1000 tekens.")]
    public string Needs { get; set; } = "";
    [BindProperty]
    public string? Website { get; set; }
    [BindProperty]
    public string? Stamp { get; set; }

    public Event Event { get; private set; } = null!;
    public PlaceCount Places { get; private set; } = null!;
    public bool IsOpen { get; private set; }
    public RegisterOutcome? Outcome { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } missing)
            return missing;
        Stamp = guard.Stamp();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } missing)
            return missing;
        // A closed event is refused like a field with a mistake: before the limit is asked.
        switch (await guard.CheckAsync(HttpContext, Stamp, Website, ModelState.IsValid && IsOpen))
        {
            case Verdict.Ignore:
                Outcome = RegisterOutcome.Confirmed; // a bot sees the same thanks; nothing is stored
                return Page();
            case Verdict.Accept:
                Outcome = await registrations.RegisterAsync(Event, Name.Trim(), Email.Trim(), Organisation.Trim(), Needs.Trim(), PublicUrls.Base(HttpContext), cancellationToken);
                if (Outcome is RegisterOutcome.Confirmed or RegisterOutcome.Waiting)
                    return Page();
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                Problem = Outcome == RegisterOutcome.AlreadyRegistered
                    ? "Met dit e-mailadres ben je al aangemeld. Kijk in je mailbox voor de bevestiging."
                    : "Aanmelden voor deze bijeenkomst kan niet (meer).";
                Outcome = null;
                break;
            case var refused:
                (Response.StatusCode, Problem) = SubmissionGuard.Refusal(refused, "formulieren", "je gegevens");
                if (refused == Verdict.Invalid && !IsOpen)
                    Problem = "Aanmelden voor deze bijeenkomst kan niet (meer).";
                break;
        }
        Stamp = guard.Stamp();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(ContentType.Event, slug, cancellationToken) is not Lookup.Found { Item: Event found } || !found.TakesRegistrations)
            return NotFound();
        Event = found;
        Places = await registrations.PlacesAsync(found, cancellationToken);
        IsOpen = found.IsOpenForRegistrationAt(clock.GetUtcNow().UtcDateTime);
        return null;
    }
}
