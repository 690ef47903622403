using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kennisplatform.Browser.Tests;

/// <summary>
/// Back-office pages as their users see them: choosing one's own password, the content list with its filters, the
/// queue of shared stories. axe at 1280 and 320 px, no sideways scrolling, and the Nu HTML Checker.
/// </summary>
public class BackOfficePagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>An account whose password a beheerder made, signed in and sent to the page where it chooses its own.</summary>
    private async Task<IBrowserContext> MustChoosePasswordAsync()
    {
        var email = $"eenmalig-{Guid.NewGuid():N}@example.org";
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            var editor = new Editor { UserName = email, Email = email, DisplayName = "Eenmalig", EmailConfirmed = true, MustChangePassword = true };
            Assert.True((await users.CreateAsync(editor, BrowserSite.Password)).Succeeded);
            await users.AddToRoleAsync(editor, Roles.Author);
        }
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL", BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/beheer/inloggen");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", BrowserSite.Password);
        await page.ClickAsync("form.login-form button[type=submit]");
        await page.WaitForURLAsync("**/beheer/wachtwoord-kiezen");
        await page.CloseAsync();
        return context;
    }

    /// <summary>A story as "Deel je ervaring" stores it, with a long address that must not widen the page at 320 px.</summary>
    private async Task SharedStoryAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var story = new Kennisplatform.Content.Cases.Case { Title = "Koffie op het plein", Summary = "Kort.", Body = "Wij begonnen met koffie.\nDaarna kwamen de buren.", Municipality = "Assen", Author = Kennisplatform.Web.Pages.DeelJeErvaringModel.SubmissionAuthor };
        var contact = new Kennisplatform.Content.Submissions.Submission { Case = story, ReceivedAt = DateTime.UtcNow, Name = "Sanne", Email = "een.heel.lang.adres.zonder.spaties@voorbeeld-gemeente.example.net", Phone = "0612345678" };
        var store = scope.ServiceProvider.GetRequiredService<Kennisplatform.Content.Revisions.ContentStore>();
        Assert.Equal(Kennisplatform.Content.Revisions.SaveOutcome.Saved, (await store.SaveAsync(story, "inzending", 0, default, [contact])).Outcome);
    }

    /// <summary>A second version of a case, with a long unbroken word that must not widen the comparison at 320 px.</summary>
    private async Task<int> ChangedCaseAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Kennisplatform.Content.Storage.ContentDb>();
        var id = db.Items.OfType<Kennisplatform.Content.Cases.Case>().OrderBy(c => c.Id).Select(c => c.Id).First();
        var store = scope.ServiceProvider.GetRequiredService<Kennisplatform.Content.Revisions.ContentStore>();
        var item = (await store.LoadForEditAsync(id))!;
        item.Summary = "Een andere samenvatting met buurtbewonersparticipatieprojectondersteuningsregeling erin.";
        item.Body += "\n\nEen nieuwe alinea.";
        item.Themes.Clear();
        Assert.Equal(Kennisplatform.Content.Revisions.SaveOutcome.Saved, (await store.SaveAsync(item, "redactie@example.org", item.Version)).Outcome);
        return id;
    }

    private async Task<List<string>> CheckAllAsync(IEnumerable<(string Who, IBrowserContext Context, string Path)> pages)
    {
        var problems = new List<string>();
        var served = new List<(string, string)>();
        foreach (var (who, context, path) in pages)
            foreach (var width in new[] { 1280, 320 })
            {
                var (found, html) = await Checks.AtWidthAsync(context, site.BaseUrl + path, width);
                problems.AddRange(found);
                if (width == 1280)
                    served.Add(($"{path} ({who})", html));
            }
        problems.AddRange(await Checks.ValidateAsync(served));
        return problems;
    }

    [Fact]
    public async Task Back_office_pages_have_no_axe_violations_no_sideways_scrolling_and_valid_html()
    {
        await SharedStoryAsync();
        var changed = await ChangedCaseAsync();
        int withRegistrations;
        await using (var scope = site.Services.CreateAsyncScope())
            withRegistrations = scope.ServiceProvider.GetRequiredService<Kennisplatform.Content.Storage.ContentDb>().Items
                .OfType<Kennisplatform.Content.Events.Event>().Where(e => e.TakesRegistrations).Select(e => e.Id).First();
        var firstPassword = await MustChoosePasswordAsync();
        var redacteur = await site.SignedInContextAsync(Roles.Editor);
        var beheerder = await site.SignedInContextAsync(Roles.Administrator);
        var (auteur, auteurAccount) = await site.SignedInAsync(Roles.Author, site.BaseUrl);
        var problems = await CheckAllAsync([
            ("beheerder, volledig menu", beheerder, "/beheer"),
            ("beheerder", beheerder, "/beheer/gebruikers"),
            ("beheerder, account verwijderen bevestigen", beheerder, $"/beheer/gebruikers?verwijderen={auteurAccount.Id}"),
            ("auteur", auteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld"),
            ("eenmalig wachtwoord", firstPassword, "/beheer/wachtwoord-kiezen"),
            ("redacteur", redacteur, "/beheer/inhoud?sorteer=titel&pagina=2"),
            ("redacteur", redacteur, "/beheer/inhoud?zoek=niets-te-vinden&status=concept"),
            ("redacteur", redacteur, "/beheer/inzendingen"),
            ("redacteur", redacteur, "/beheer/aanmeldingen"),
            ("redacteur", redacteur, $"/beheer/aanmeldingen/{withRegistrations}"),
            ("redacteur, versies vergelijken", redacteur, $"/beheer/inhoud/{changed}/versies?van=1&naar=2"),
            ("redacteur, terugzetten bevestigen", redacteur, $"/beheer/inhoud/{changed}/versies?terugzetten=1"),
        ]);
        await firstPassword.CloseAsync();
        await redacteur.CloseAsync();
        await beheerder.CloseAsync();
        await auteur.CloseAsync();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
