using System.ComponentModel.DataAnnotations;
using Kennisplatform.Web.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Kennisplatform.Web.Contact;

/// <summary>
/// What every contact form has: name, address, question, and the spam protection of the story form. The pages
/// say whom the question is for; <see cref="ContactRelay"/> stores it and relays it by mail.
/// </summary>
[OutputCache(NoStore = true)] // the form carries a per-visitor antiforgery token and time stamp
public abstract class ContactForm(SubmissionGuard guard) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul je naam in."), StringLength(200, ErrorMessage = "Gebruik hoogstens 200 tekens.")]
    public string Name { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Vul je e-mailadres in, dan kan er antwoord komen."), EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres."), StringLength(200)]
    public string Email { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Schrijf je vraag."), StringLength(5000, MinimumLength = 10, ErrorMessage = "Schrijf je vraag in 10 tot 5000 tekens.")]
    public string Message { get; set; } = "";
    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty]
    public string? Website { get; set; }
    [BindProperty]
    public string? Stamp { get; set; }

    public string? Problem { get; protected set; }
    public bool Sent { get; protected set; }

    protected void NewStamp() => Stamp = guard.Stamp();

    protected string Address => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "onbekend";

    /// <summary>
    /// Checks the post; on a refusal sets the status, the message and a new stamp, and returns false. A post with
    /// mistakes in its fields is refused before the limit is asked, so it does not count against the hourly limit.
    /// </summary>
    protected async Task<bool> AcceptAsync()
    {
        switch (await guard.CheckAsync(HttpContext, Stamp, Website, ModelState.IsValid))
        {
            case Verdict.Accept:
                return true;
            case Verdict.Ignore:
                Sent = true; // tell a bot nothing: it sees the same thanks, but nothing is sent
                return false;
            case var refused:
                (Response.StatusCode, Problem) = SubmissionGuard.Refusal(refused, "berichten", "je bericht");
                break;
        }
        NewStamp();
        return false;
    }

    protected void Accepted() => Sent = true;
}
