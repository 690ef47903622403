using System.ComponentModel.DataAnnotations;
using Kennisplatform.Content.Alerts;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Alerts;
using Kennisplatform.Web.OpenData;
using Kennisplatform.Web.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Kennisplatform.Web.Pages.Alerts;

/// <summary>"Houd me op de hoogte": a weekly or monthly mail with what is new on a theme, a type or a search.</summary>
[OutputCache(NoStore = true)]
public sealed class OpDeHoogteModel(ContentDb db, Kennisplatform.Web.Alerts.AlertSubscriptions alerts, SubmissionGuard guard) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "thema")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "zoek")] public string? Search { get; set; }

    [BindProperty, Required(ErrorMessage = "Vul je e-mailadres in."), EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres."), StringLength(200)]
    public string Email { get; set; } = "";
    [BindProperty]
    public string Frequency { get; set; } = AlertFrequency.Weekly.Code();
    [BindProperty]
    public string? Website { get; set; }
    [BindProperty]
    public string? Stamp { get; set; }

    public AlertTopic? Topic { get; private set; }
    public bool Sent { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Topic = await AlertTopic.FromQueryAsync(db, Theme, Type, Search, cancellationToken);
        Stamp = guard.Stamp();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Topic = await AlertTopic.FromQueryAsync(db, Theme, Type, Search, cancellationToken);
        if (!Dutch.TryParse<AlertFrequency>(Frequency, out var frequency))
            ModelState.AddModelError(nameof(Frequency), "Kies elke week of elke maand.");
        switch (await guard.CheckAsync(HttpContext, Stamp, Website, ModelState.IsValid && Topic is not null))
        {
            case Verdict.Accept:
                await alerts.SubscribeAsync(Email.Trim(), Topic!, frequency, PublicUrls.Base(HttpContext), cancellationToken);
                Sent = true;
                return Page();
            case Verdict.Ignore:
                Sent = true;
                return Page();
            case var refused:
                (Response.StatusCode, Problem) = SubmissionGuard.Refusal(refused, "formulieren", null);
                break;
        }
        Stamp = guard.Stamp();
        return Page();
    }
}
