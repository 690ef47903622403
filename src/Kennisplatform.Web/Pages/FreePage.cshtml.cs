using Kennisplatform.Content.Model;
using Kennisplatform.Web.Events;
using Kennisplatform.Web.Mail;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Pages;

public sealed class FreePageModel(SiteQueries queries, IOptions<RetentionOptions> retention, IOptions<MailOptions> mail) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    /// <summary>On the privacy page: how long each kind of personal data is kept, read from the settings that delete it.</summary>
    public IReadOnlyList<(string Data, string Kept)> RetentionPeriods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        switch (await queries.FindAsync(ContentType.Page, slug, cancellationToken))
        {
            case Lookup.Moved moved:
                return RedirectPermanent(moved.Url);
            case Lookup.Found found:
                Item = found.Item;
                if (Item.Slug == Kennisplatform.Content.Pages.Page.PrivacySlug)
                    RetentionPeriods = Periods(retention.Value, mail.Value);
                return Page();
            default:
                return NotFound();
        }
    }

    private static List<(string, string)> Periods(RetentionOptions retention, MailOptions mail) =>
    [
        ("Je aanmelding voor een bijeenkomst", $"{Days(retention.RegistrationDaysAfterEvent)} na de bijeenkomst"),
        ("Je vraag via een contactformulier", Days(retention.ContactMessageDays)),
        ("Je naam, e-mailadres en telefoonnummer bij een gedeeld verhaal", Days(retention.SubmissionContactDays)),
        ("Je naam en e-mailadres bij 'Heb jij dit ook geprobeerd?'", Days(retention.SubmissionContactDays)),
        ("Je naam en e-mailadres bij een voorgesteld vervolg op een praktijkvoorbeeld", Days(retention.SubmissionContactDays)),
        ("Je aanmelding voor 'Op de hoogte blijven', als je die niet bevestigt", Days(retention.UnconfirmedAlertDays)),
        ("Je aanmelding voor 'Op de hoogte blijven', als je die wel bevestigt", "tot je je afmeldt"),
        ("Een kopie van een e-mail die we je stuurden", Days(mail.KeepSentDays)),
    ];

    private static string Days(int days) => days == 1 ? "1 dag" : $"{days} dagen";
}
