using System.ComponentModel.DataAnnotations;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Trials;
using Kennisplatform.Web.Site;
using Kennisplatform.Web.Submissions;
using Kennisplatform.Web.Trials;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Kennisplatform.Web.Pages.Content;

/// <summary>
/// "Heb jij dit ook geprobeerd?": anyone reports where and when they tried an intervention or a case's approach, and
/// how it went. It waits for an editor; the sender's name and address are for the editors only. The spam protection
/// of the story form guards it.
/// </summary>
[OutputCache(NoStore = true)] // the form carries a per-visitor antiforgery token and time stamp
public sealed class TrialReportFormModel(SiteQueries queries, TrialDesk desk, SubmissionGuard guard) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul de gemeente in waar je het probeerde."), StringLength(TrialReport.PlaceMaxLength, ErrorMessage = "Gebruik hoogstens 100 tekens.")]
    public string Municipality { get; set; } = "";
    [BindProperty, StringLength(TrialReport.PlaceMaxLength, ErrorMessage = "Gebruik hoogstens 100 tekens.")]
    public string Neighbourhood { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Vul het jaar in, bijvoorbeeld 2024."), StringLength(4, ErrorMessage = "Schrijf het jaar met vier cijfers, bijvoorbeeld 2024.")]
    public string Year { get; set; } = "";
    /// <summary>"1" to "12", or empty when not known.</summary>
    [BindProperty, StringLength(2, ErrorMessage = "Kies een maand uit de lijst.")]
    public string Month { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Kies hoe het ging: geslaagd, deels of mislukt."), StringLength(20, ErrorMessage = "Kies hoe het ging: geslaagd, deels of mislukt.")]
    public string Result { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Schrijf in één zin waarom het zo ging."), StringLength(TrialReport.ReasonMaxLength, ErrorMessage = "Houd het kort: hoogstens 200 tekens.")]
    public string Reason { get; set; } = "";
    [BindProperty, StringLength(200, ErrorMessage = "Gebruik hoogstens 200 tekens.")]
    public string Name { get; set; } = "";
    [BindProperty, OptionalEmail, StringLength(200, ErrorMessage = "Gebruik hoogstens 200 tekens.")]
    public string? Email { get; set; }
    [BindProperty, Range(typeof(bool), "true", "true", ErrorMessage = "Geef toestemming, anders kunnen we je ervaring niet publiceren.")]
    public bool Consent { get; set; }
    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty]
    public string? Website { get; set; }
    [BindProperty]
    public string? Stamp { get; set; }

    public ContentItem Item { get; private set; } = null!;
    public TypeDescriptor Section { get; private set; } = null!;
    public string? Problem { get; private set; }
    public bool Sent { get; private set; }
    public int ThisYear => desk.Today.Year;

    public async Task<IActionResult> OnGetAsync(string section, string slug, bool verstuurd, CancellationToken cancellationToken)
    {
        if (await LoadAsync(section, slug, cancellationToken) is { } missing)
            return missing;
        Sent = verstuurd;
        Stamp = guard.Stamp();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string section, string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(section, slug, cancellationToken) is { } missing)
            return missing;
        var report = Read();
        // Only now the guard: a report with mistakes is refused before the limit is asked, so it never uses it up.
        switch (await guard.CheckAsync(HttpContext, Stamp, Website, ModelState.IsValid))
        {
            case Verdict.Accept:
                await desk.ReportAsync(Item.Id, report!, cancellationToken);
                return RedirectToPage(new { section, slug, verstuurd = true });
            case Verdict.Ignore:
                return RedirectToPage(new { section, slug, verstuurd = true }); // a bot or a repeat sees the same thanks; nothing is stored
            case var refused:
                (Response.StatusCode, Problem) = SubmissionGuard.Refusal(refused, "ervaringen", "je ervaring");
                Stamp = guard.Stamp();
                return Page();
        }
    }

    /// <summary>The posted report, with every mistake as a Dutch message beside its field.</summary>
    private TrialReport? Read()
    {
        var report = new TrialReport
        {
            Municipality = Municipality.Trim(),
            Neighbourhood = Neighbourhood.Trim(),
            Reason = Reason.Trim(),
            ReporterName = Name.Trim(),
            ReporterEmail = Email?.Trim() ?? "",
        };
        if (Dutch.TryParse<TrialResult>(Result, out var result))
            report.Result = result;
        else if (Result.Length > 0)
            ModelState.AddModelError(nameof(Result), "Kies hoe het ging: geslaagd, deels of mislukt.");
        var when = Month.Trim().Length > 0 ? $"{Year.Trim()}-{Month.Trim()}" : Year.Trim();
        if (Year.Length > 0 && !report.TrySetWhen(when))
            ModelState.AddModelError(Month.Trim().Length > 0 && report.TrySetWhen(Year.Trim()) ? nameof(Month) : nameof(Year),
                "Schrijf het jaar met vier cijfers, bijvoorbeeld 2024, en kies eventueel een maand uit de lijst.");
        if (ModelState.IsValid)
            foreach (var error in report.Validate(desk.Today))
                ModelState.AddModelError(error.Field switch
                {
                    "municipality" => nameof(Municipality),
                    "neighbourhood" => nameof(Neighbourhood),
                    "when" => nameof(Year),
                    "result" => nameof(Result),
                    _ => nameof(Reason),
                }, error.Message);
        return ModelState.IsValid ? report : null;
    }

    private async Task<IActionResult?> LoadAsync(string section, string slug, CancellationToken cancellationToken)
    {
        var (found, refusal) = await queries.FindAsync(Request, section, slug, "/geprobeerd", TrialReport.Types.Contains, cancellationToken);
        if (found is not null)
            (Section, Item) = (found.Section, found.Item);
        return refusal;
    }
}
