using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kennisplatform.Web.Accounts;

namespace Kennisplatform.Web.Tests;

/// <summary>The whole back-office story of issue 4, end to end, through the real pages.</summary>
public class BackOfficeScenarioTests(BackOfficeScenarioTests.Factory factory) : IClassFixture<BackOfficeScenarioTests.Factory>
{
    public sealed class Factory : SubmissionTests.Factory;

    /// <summary>Creates the account and follows the invitation mail to choose its password, as the person would.</summary>
    private async Task<string> CreateAccountAsync(HttpClient admin, string name, string email, string role)
    {
        var token = await SiteFactory.TokenAsync(admin, "/beheer/gebruikers");
        var response = await admin.PostAsync("/beheer/gebruikers?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = name, ["Email"] = email, ["Role"] = role, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal("/beheer/gebruikers", response.Headers.Location!.OriginalString);
        Assert.Contains("uitnodiging gestuurd", await admin.GetStringAsync("/beheer/gebruikers"));
        var link = MailFolder.LinkIn(await MailFolder.WaitForAsync(factory, email, "uitgenodigd"), "/beheer/uitnodiging");
        var invitee = factory.NewBrowser();
        var password = $"de eigen lange zin van {name}";
        var chosen = await invitee.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = password, ["Repeat"] = password, ["__RequestVerificationToken"] = await SiteFactory.TokenAsync(invitee, link),
        }));
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        return password;
    }

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var browser = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.SignInAsync(browser, email, password)).StatusCode);
        return browser;
    }

    [Fact]
    public async Task Beheerder_auteur_and_redacteur_bring_a_case_with_an_image_to_the_public_site()
    {
        // A beheerder made on the command line signs in and creates an auteur and a redacteur.
        Assert.Equal(0, await AdminCommand.RunAsync(factory.Services, "bea@example.org", "Bea", new StringReader(SiteFactory.EditorPassword), true, new StringWriter(), new StringWriter()));
        var admin = await SignedInAsync("bea@example.org", SiteFactory.EditorPassword);
        var auteurPassword = await CreateAccountAsync(admin, "Anton Auteur", "anton@example.org", Roles.Author);
        var redacteurPassword = await CreateAccountAsync(admin, "Rosa Redacteur", "rosa@example.org", Roles.Editor);

        // The auteur uploads an image, writes a case with it and offers it for review.
        var auteur = await SignedInAsync("anton@example.org", auteurPassword);
        var (_, mediaPage) = await MediaTests.UploadAsync(auteur, MediaTests.Png, "plein.png", "Bewoners op het plein");
        var image = mediaPage.QuerySelectorAll("td code").Select(c => c.TextContent).First(t => t.Contains("plein.png"));
        var fields = EditingTests.NewCase("Pleinfeest in Kolenkit");
        fields["body"] = "Het feest:\n\n" + image;
        var (created, _) = await EditingTests.PostAsync(auteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", fields, ("actie", "opslaan"));
        var path = created.Headers.Location!.OriginalString.Split('?')[0];
        fields["version"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await EditingTests.PostAsync(auteur, path, fields, ("actie", "aanbieden"))).Response.StatusCode);

        // The redacteur sees it waiting, improves the summary, compares the revisions and publishes.
        var redacteur = await SignedInAsync("rosa@example.org", redacteurPassword);
        Assert.Contains("Pleinfeest in Kolenkit", (await redacteur.GetPageAsync("/beheer")).Text("#ter-beoordeling + ul"));
        fields["version"] = "2";
        fields["f.summary"] = "Een feest op het plein bracht buren samen.";
        Assert.Equal(HttpStatusCode.Redirect, (await EditingTests.PostAsync(redacteur, path, fields, ("actie", "opslaan"))).Response.StatusCode);
        var compared = await redacteur.GetPageAsync(path + "/versies?van=2&naar=3");
        Assert.Contains("feest op het plein bracht buren samen", compared.Text("#verschil-summary ins"));
        fields["version"] = "3";
        Assert.Equal(HttpStatusCode.Redirect, (await EditingTests.PostAsync(redacteur, path, fields, ("actie", "publiceren"))).Response.StatusCode);

        // It is on the public site with its image, and in search.
        var visitor = factory.CreatePlainClient();
        var page = await visitor.GetPageAsync("/praktijkvoorbeelden/pleinfeest-in-kolenkit");
        Assert.Equal("Bewoners op het plein", page.QuerySelector("article img")!.GetAttribute("alt"));
        var found = false;
        for (var tries = 0; tries < 200 && !found; tries++)
        {
            var search = await visitor.GetFromJsonAsync<JsonElement>("/api/v1/search?q=pleinfeest");
            found = search.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("slug").GetString() == "pleinfeest-in-kolenkit");
            if (!found) await Task.Delay(50);
        }
        Assert.True(found, "The published case did not reach search.");

        // A public submission reaches the queue.
        Assert.Equal(HttpStatusCode.Redirect, (await SubmissionTests.SubmitAsync(factory, SubmissionTests.Story("Buurtbarbecue bij de flat"))).StatusCode);
        Assert.Contains("Buurtbarbecue bij de flat", (await redacteur.GetPageAsync("/beheer")).Text("#inzendingen + ul"));
    }
}
