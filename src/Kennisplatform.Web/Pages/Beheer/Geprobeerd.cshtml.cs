using Kennisplatform.Content.Model;
using Kennisplatform.Content.Trials;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Trials;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>"Ik heb dit ook geprobeerd": reports from the public to approve or turn down, and approved ones to remove.</summary>
[Authorize(Policy = Roles.Publishing)]
public sealed class GeprobeerdModel(TrialDesk desk) : PageModel
{
    public IReadOnlyList<TrialReport> Waiting { get; private set; } = [];
    public IReadOnlyList<TrialReport> Published { get; private set; } = [];

    // Every POST redirects (a refresh never posts again); what it says travels in TempData, read once.
    [TempData]
    public string? Message { get; set; }
    [TempData]
    public bool Failed { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Waiting = await desk.WaitingAsync(cancellationToken);
        Published = await desk.PublishedAsync(30, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, string? decision, CancellationToken cancellationToken)
    {
        TrialDecision? chosen = decision switch
        {
            "publiceren" => TrialDecision.Publish,
            "afwijzen" => TrialDecision.Reject,
            "verwijderen" => TrialDecision.Remove,
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
                    Message = chosen switch
                    {
                        TrialDecision.Publish => "De ervaring is gepubliceerd en telt nu mee.",
                        TrialDecision.Reject => "De ervaring is afgewezen. Ze komt niet online.",
                        _ => "De ervaring is verwijderd.",
                    };
                }
                else
                    Message = "Deze ervaring bestaat niet meer.";
            }
            catch (ContentRuleException e)
            {
                Message = e.Message;
            }
        }
        return RedirectToPage();
    }
}
