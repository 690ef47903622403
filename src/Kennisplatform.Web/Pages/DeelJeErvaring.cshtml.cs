using System.ComponentModel.DataAnnotations;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Submissions;
using Kennisplatform.Web.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Kennisplatform.Web.Pages;

/// <summary>"Deel je ervaring": anyone can share a case; it waits as a concept until an editor publishes it.</summary>
[OutputCache(NoStore = true)] // the form carries a per-visitor antiforgery token and time stamp
public sealed class DeelJeErvaringModel(SubmissionGuard guard, ContentStore store, TimeProvider clock) : PageModel
{
    public const string SubmissionAuthor = "inzending";

    [BindProperty, Required(ErrorMessage = "Geef je verhaal een korte titel."), StringLength(150, ErrorMessage = "Gebruik hoogstens 150 tekens.")]
    public string Title { get; set; } = "";
    [BindProperty, StringLength(100)]
    public string Municipality { get; set; } = "";
    [BindProperty, StringLength(100)]
    public string Neighbourhood { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Vertel wat er gebeurde."), StringLength(10_000, MinimumLength = 30, ErrorMessage = "Vertel in minstens 30 tekens wat er gebeurde.")]
    public string Story { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Kies hoe het afliep.")]
    public string? Outcome { get; set; }
    [BindProperty, StringLength(5_000)]
    public string WhatWorked { get; set; } = "";
    [BindProperty, StringLength(5_000)]
    public string WhatDidNotWork { get; set; } = "";
    [BindProperty, StringLength(200)]
    public string Name { get; set; } = "";
    [BindProperty, Site.OptionalEmail, StringLength(200)]
    public string? Email { get; set; }
    [BindProperty, StringLength(50)]
    public string Phone { get; set; } = "";
    [BindProperty]
    public bool MayContact { get; set; }
    [BindProperty, Range(typeof(bool), "true", "true", ErrorMessage = "Geef toestemming, anders kunnen we je verhaal niet gebruiken.")]
    public bool Consent { get; set; }
    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty]
    public string? Website { get; set; }
    [BindProperty]
    public string? Stamp { get; set; }

    public string? Problem { get; private set; }

    public void OnGet() => Stamp = guard.Stamp();

    public async Task<IActionResult> OnPostAsync()
    {
        var submitted = new Case
        {
            Title = Title.Trim(),
            Summary = Summarise(Story),
            Body = Story.Trim(),
            Municipality = Municipality.Trim(),
            Neighbourhood = Neighbourhood.Trim(),
            WhatWorked = WhatWorked.Trim(),
            WhatDidNotWork = WhatDidNotWork.Trim(),
            Outcome = Dutch.TryParse<CaseOutcome>(Outcome, out var outcome) ? outcome : null,
            Author = SubmissionAuthor,
            Status = ContentStatus.Draft,
        };
        if (Outcome is not null && submitted.Outcome is null)
            ModelState.AddModelError(nameof(Outcome), "Kies hoe het afliep.");
        foreach (var error in submitted.Validate().Concat(submitted.Missing()).Where(e => e.Field == "what_did_not_work"))
            ModelState.AddModelError(nameof(WhatDidNotWork), error.Message);
        // Only now the guard: a story with mistakes is refused before the limit is asked, so it never uses it up.
        var verdict = await guard.CheckAsync(HttpContext, Stamp, Website, ModelState.IsValid);
        if (verdict == Verdict.Ignore)
            return RedirectToPage("/DeelJeErvaringBedankt"); // a bot or a repeat sees the same thank-you; nothing is stored
        if (verdict != Verdict.Accept)
        {
            (Response.StatusCode, Problem) = SubmissionGuard.Refusal(verdict, "verhalen", "je verhaal");
            Stamp = guard.Stamp();
            return Page();
        }

        // The story and its private contact details are written in one transaction: never one without the other.
        var contact = new Submission
        {
            Case = submitted,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            Name = Name.Trim(),
            Email = Email?.Trim() ?? "",
            Phone = Phone.Trim(),
            MayContact = MayContact,
        };
        var saved = await store.SaveAsync(submitted, SubmissionAuthor, 0, HttpContext.RequestAborted, [contact]);
        if (saved.Outcome is not SaveOutcome.Saved)
        {
            Problem = string.Join(" ", saved.Errors.Select(e => e.Message));
            Stamp = guard.Stamp();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return RedirectToPage("/DeelJeErvaringBedankt");
    }

    private static string Summarise(string story)
    {
        var text = story.Trim().ReplaceLineEndings(" ");
        if (text.Length <= 200)
            return text;
        var cut = text.LastIndexOf(' ', 200);
        return (cut > 0 ? text[..cut] : text[..200]) + " …";
    }
}
