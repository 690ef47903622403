using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.FollowUps;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>Follow-ups on cases: proposals to publish or turn down, cases due for one, and a form to add one.</summary>
[Authorize(Policy = Roles.Publishing)]
public sealed class VervolgenModel(FollowUpDesk desk, ContentDb db) : PageModel
{
    public IReadOnlyList<FollowUp> Waiting { get; private set; } = [];
    public IReadOnlyList<FollowUp> Published { get; private set; } = [];
    public IReadOnlyList<FollowUpReminder> Reminders { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Cases { get; private set; } = [];
    // Every POST redirects (a refresh never posts again); what it says travels in TempData, read once.
    [TempData]
    public string? Message { get; set; }
    [TempData]
    public bool Failed { get; set; }

    [BindProperty(SupportsGet = true, Name = "praktijkvoorbeeld")]
    public int? CaseId { get; set; }
    [BindProperty, StringLength(10, ErrorMessage = "Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-05-01.")]
    public string Date { get; set; } = "";
    [BindProperty, StringLength(FollowUp.TitleMaxLength, ErrorMessage = "Gebruik hoogstens 150 tekens.")]
    public string Title { get; set; } = "Een jaar later";
    [BindProperty, StringLength(FollowUp.TextMaxLength, ErrorMessage = "Gebruik hoogstens 5000 tekens.")]
    public string Text { get; set; } = "";
    [BindProperty, StringLength(3, ErrorMessage = "Kies ja, nee of weet ik niet.")]
    public string StillRunning { get; set; } = "";
    [BindProperty, StringLength(20, ErrorMessage = "Kies een uitkomst uit de lijst.")]
    public string NewOutcome { get; set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDecideAsync(int id, string? decision, CancellationToken cancellationToken)
    {
        FollowUpDecision? chosen = decision switch
        {
            "publiceren" => FollowUpDecision.Publish,
            "afwijzen" => FollowUpDecision.Reject,
            "verwijderen" => FollowUpDecision.Remove,
            _ => null,
        };
        Failed = true;
        if (chosen is null)
            Message = "Kies publiceren, afwijzen of verwijderen.";
        else
        {
            try
            {
                if (await desk.DecideAsync(id, chosen.Value, cancellationToken))
                {
                    Failed = false;
                    Message = chosen switch { FollowUpDecision.Publish => "Het vervolg is gepubliceerd.", FollowUpDecision.Reject => "Het vervolg is afgewezen.", _ => "Het vervolg is verwijderd." };
                }
                else
                    Message = "Dit vervolg bestaat niet meer.";
            }
            catch (ContentRuleException e)
            {
                Message = e.Message;
            }
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var followUp = new FollowUp { Title = Title.Trim(), Text = Text.Trim() };
        if (DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            followUp.Date = date;
        else
            ModelState.AddModelError(nameof(Date), "Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-05-01.");
        followUp.StillRunning = StillRunning switch { "ja" => true, "nee" => false, _ => null };
        if (Dutch.TryParse<CaseOutcome>(NewOutcome, out var outcome))
            followUp.NewOutcome = outcome;
        if (CaseId is null)
            ModelState.AddModelError(nameof(CaseId), "Kies het praktijkvoorbeeld.");
        if (ModelState.IsValid)
            foreach (var error in followUp.Validate(desk.Today))
                ModelState.AddModelError(error.Field switch { "date" => nameof(Date), "title" => nameof(Title), _ => nameof(Text) }, error.Message);
        if (ModelState.IsValid)
        {
            if (await desk.AddAsync(CaseId!.Value, followUp, cancellationToken))
            {
                Message = "Het vervolg is toegevoegd.";
                return RedirectToPage(new { praktijkvoorbeeld = (int?)null });
            }
            ModelState.AddModelError(nameof(CaseId), "Dit praktijkvoorbeeld bestaat niet meer.");
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Waiting = await desk.WaitingAsync(cancellationToken);
        Published = await desk.PublishedAsync(20, cancellationToken);
        Reminders = await desk.RemindersAsync(cancellationToken);
        Cases = (await db.Items.AsNoTracking().OfType<Case>().OrderBy(c => c.Title).Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.Title)).ToList();
        if (Date.Length == 0)
            Date = desk.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
