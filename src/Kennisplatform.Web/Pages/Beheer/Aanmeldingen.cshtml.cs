using System.ComponentModel.DataAnnotations;
using System.Text;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Events;
using Kennisplatform.Web.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>Who registered for an event: the list, a CSV export, a mail to everyone, and cancelling the event.</summary>
[Authorize(Policy = Roles.Publishing)]
public sealed class AanmeldingenModel(ContentDb db, ContentStore store, Registrations registrations, Mailer mailer, AuditLog audit) : PageModel
{
    public Event Event { get; private set; } = null!;
    public IReadOnlyList<Registration> People { get; private set; } = [];
    public PlaceCount Places { get; private set; } = null!;
    // A successful POST redirects (a refresh never mails twice); what it says travels in TempData, read once.
    [TempData]
    public string? Message { get; set; }
    public List<string> Problems { get; } = [];

    [BindProperty, StringLength(200, ErrorMessage = "Een onderwerp is hoogstens 200 tekens.")]
    public string Subject { get; set; } = "";
    [BindProperty, StringLength(5000, ErrorMessage = "Een bericht is hoogstens 5000 tekens.")]
    public string Text { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var csv = new StringBuilder("naam;e-mailadres;organisatie;nodig;status;aangemeld op\r\n");
        foreach (var r in People)
            csv.AppendJoin(';', new[] { r.Name, r.Email, r.Organisation, r.Needs, StatusLabel(r.Status), r.CreatedAt.ToString("yyyy-MM-dd HH:mm") }.Select(Cell)).Append("\r\n");
        await audit.RecordAsync(User.Identity!.Name!, "aanmeldingen gedownload", Event.Title);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"aanmeldingen-{Event.Slug}.csv");
    }

    public async Task<IActionResult> OnPostMailAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (string.IsNullOrWhiteSpace(Subject) || string.IsNullOrWhiteSpace(Text) || !ModelState.IsValid)
            Problems.Add("Vul een onderwerp en een bericht in (hoogstens 200 en 5000 tekens).");
        else
        {
            var count = await registrations.MailEveryoneAsync(Event, Subject.Trim(), Text.Trim(), cancellationToken);
            await audit.RecordAsync(User.Identity!.Name!, $"bericht aan {count} deelnemers", Event.Title);
            Message = count == 1 ? "Het bericht gaat naar 1 persoon." : $"Het bericht gaat naar {count} mensen.";
            return RedirectToPage(new { id });
        }
        return Page();
    }

    /// <summary>Cancels the event (a new revision with status afgelast) and tells everyone registered or waiting.</summary>
    public async Task<IActionResult> OnPostCancelEventAsync(int id, [FromForm(Name = "zeker")] string? sure, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        // Cancelling mails everyone and cannot be undone: the editor confirms it on the form (a checkbox, also without JavaScript).
        if (sure != "ja")
        {
            Problems.Add("Vink aan dat je de bijeenkomst echt wilt afgelasten. Er is nog niets veranderd.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (Event.EventStatus == EventStatus.Cancelled)
        {
            Problems.Add("Deze bijeenkomst is al afgelast.");
            return Page();
        }
        var editable = (Event)(await store.LoadForEditAsync(id, cancellationToken))!;
        editable.EventStatus = EventStatus.Cancelled;
        var saved = await store.SaveAsync(editable, User.Identity!.Name!, editable.Version, cancellationToken);
        // Only the request that changed the status mails: a second click (or a second editor) finds it cancelled
        // already (Unchanged) or loses the race on the version (Conflict), and nobody is mailed twice.
        if (saved.Outcome is SaveOutcome.Unchanged)
        {
            Problems.Add("Deze bijeenkomst is al afgelast.");
            return Page();
        }
        if (saved.Outcome is not SaveOutcome.Saved)
        {
            Problems.AddRange(saved.Errors.Select(e => e.Message));
            if (Problems.Count == 0)
                Problems.Add("Iemand anders veranderde deze bijeenkomst net. Bekijk de stand en probeer het opnieuw.");
            return Page();
        }
        foreach (var person in People.Where(p => p.IsActive))
            mailer.Queue(new MailMessage("afgelast", person.Email, person.Name, $"Afgelast: {Event.Title}",
            [
                $"Helaas: '{Event.Title}' ({Registrations.When(Event)}) gaat niet door. Je hoeft niets te doen; je aanmelding vervalt.",
                "Excuses voor het ongemak. Op de website vind je andere bijeenkomsten.",
            ]));
        await db.SaveChangesAsync(cancellationToken);
        mailer.Wake();
        await audit.RecordAsync(User.Identity!.Name!, "bijeenkomst afgelast", Event.Title);
        Message = $"De bijeenkomst is afgelast. {People.Count(p => p.IsActive)} mensen krijgen een e-mail.";
        return RedirectToPage(new { id });
    }

    public static string StatusLabel(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "aangemeld",
        RegistrationStatus.Waiting => "wachtlijst",
        _ => "afgemeld",
    };

    private static string Cell(string value) =>
        // Quotes around every cell; a leading = + - @ would start a formula in a spreadsheet.
        "\"" + (value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value).Replace("\"", "\"\"") + "\"";

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Items.OfType<Event>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } found)
            return false;
        Event = found;
        People = await db.Registrations.AsNoTracking().Where(r => r.EventId == id).OrderBy(r => r.Status).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        Places = await registrations.PlacesAsync(found, cancellationToken);
        return true;
    }
}
