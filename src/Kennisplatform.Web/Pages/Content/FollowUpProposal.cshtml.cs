using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Web.FollowUps;
using Kennisplatform.Web.Site;
using Kennisplatform.Web.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Kennisplatform.Web.Pages.Content;

/// <summary>
/// "Weet jij hoe het verder ging?": anyone proposes a follow-up on a case. It waits for an editor; the sender's name
/// and address are for the editors only. The spam protection of the story form guards it.
/// </summary>
[OutputCache(NoStore = true)] // the form carries a per-visitor antiforgery token and time stamp
public sealed class FollowUpProposalModel(SiteQueries queries, FollowUpDesk desk, SubmissionGuard guard) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Kies de datum waar het vervolg over gaat."), StringLength(10, ErrorMessage = "Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-05-01.")]
    public string Date { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Geef het vervolg een korte titel, bijvoorbeeld 'Een jaar later'."), StringLength(FollowUp.TitleMaxLength, ErrorMessage = "Gebruik hoogstens 150 tekens.")]
    public string Title { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Vertel wat er sindsdien gebeurde."), StringLength(FollowUp.TextMaxLength, MinimumLength = 20, ErrorMessage = "Vertel in 20 tot 5000 tekens wat er sindsdien gebeurde.")]
    public string Text { get; set; } = "";
    /// <summary>"ja", "nee" or empty (not known).</summary>
    [BindProperty, StringLength(3, ErrorMessage = "Kies ja, nee of weet ik niet.")]
    public string StillRunning { get; set; } = "";
    /// <summary>An outcome code, or empty when the outcome did not change.</summary>
    [BindProperty, StringLength(20, ErrorMessage = "Kies een uitkomst uit de lijst.")]
    public string NewOutcome { get; set; } = "";
    [BindProperty, StringLength(200, ErrorMessage = "Gebruik hoogstens 200 tekens.")]
    public string Name { get; set; } = "";
    [BindProperty, Site.OptionalEmail, StringLength(200, ErrorMessage = "Gebruik hoogstens 200 tekens.")]
    public string? Email { get; set; }
    [BindProperty, Range(typeof(bool), "true", "true", ErrorMessage = "Geef toestemming, anders kunnen we je vervolg niet publiceren.")]
    public bool Consent { get; set; }
    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty]
    public string? Website { get; set; }
    [BindProperty]
    public string? Stamp { get; set; }

    public Case Case { get; private set; } = null!;
    public string? Problem { get; private set; }
    public bool Sent { get; private set; }
    public string Today => desk.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string section, string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(section, slug, cancellationToken) is { } missing)
            return missing;
        Title = "Een jaar later";
        Stamp = guard.Stamp();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string section, string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(section, slug, cancellationToken) is { } missing)
            return missing;
        var proposal = Read();
        // Only now the guard: a proposal with mistakes is refused before the limit is asked, so it never uses it up.
        switch (await guard.CheckAsync(HttpContext, Stamp, Website, ModelState.IsValid))
        {
            case Verdict.Accept:
                await desk.ProposeAsync(Case.Id, proposal!, cancellationToken);
                Sent = true;
                return Page();
            case Verdict.Ignore:
                Sent = true; // a bot or a repeat sees the same thanks; nothing is stored
                return Page();
            case var refused:
                (Response.StatusCode, Problem) = SubmissionGuard.Refusal(refused, "berichten", "je vervolg");
                Stamp = guard.Stamp();
                return Page();
        }
    }

    /// <summary>The posted follow-up, with every mistake as a Dutch message beside its field.</summary>
    private FollowUp? Read()
    {
        var followUp = new FollowUp
        {
            Title = Title.Trim(),
            Text = Text.Trim(),
            ProposerName = Name.Trim(),
            ProposerEmail = Email?.Trim() ?? "",
        };
        if (DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            followUp.Date = date;
        else if (Date.Length > 0)
            ModelState.AddModelError(nameof(Date), "Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-05-01.");
        switch (StillRunning)
        {
            case "ja": followUp.StillRunning = true; break;
            case "nee": followUp.StillRunning = false; break;
            case "": break;
            default: ModelState.AddModelError(nameof(StillRunning), "Kies ja, nee of weet ik niet."); break;
        }
        if (Dutch.TryParse<CaseOutcome>(NewOutcome, out var outcome))
            followUp.NewOutcome = outcome;
        else if (NewOutcome.Length > 0)
            ModelState.AddModelError(nameof(NewOutcome), "Kies een uitkomst uit de lijst.");
        if (ModelState.IsValid)
            foreach (var error in followUp.Validate(desk.Today))
                ModelState.AddModelError(error.Field switch { "date" => nameof(Date), "title" => nameof(Title), _ => nameof(Text) }, error.Message);
        return ModelState.IsValid ? followUp : null;
    }

    private async Task<IActionResult?> LoadAsync(string section, string slug, CancellationToken cancellationToken)
    {
        var (found, refusal) = await queries.FindAsync(Request, section, slug, "/vervolg", type => type == ContentType.Case, cancellationToken);
        if (found is not null)
            Case = (Case)found.Item;
        return refusal;
    }
}
