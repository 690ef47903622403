using System.Net;
using AngleSharp.Html.Parser;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

public class ContactTests(SubmissionTests.Factory factory) : IClassFixture<SubmissionTests.Factory>
{
    internal static async Task<HttpResponseMessage> AskAsync(SiteFactory site, string path, string name, string email, string message, HttpClient? browser = null)
    {
        browser ??= site.NewBrowser();
        var form = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(path));
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("form.contact-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Stamp"] = form.QuerySelector("form.contact-form input[name=Stamp]")!.GetAttribute("value")!,
            ["Name"] = name,
            ["Email"] = email,
            ["Message"] = message,
            ["Website"] = "",
        };
        site.Clock.Now = site.Clock.Now.AddSeconds(30);
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private async Task SetPrivateAddressAsync(string slug, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
        var person = await db.Items.OfType<Connector>().SingleAsync(c => c.Slug == slug);
        person.ContactEmail = email;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_question_on_the_contact_page_reaches_the_editors_and_the_sender_gets_a_copy()
    {
        await factory.CreateEditorAsync("redactie-lezer@example.org", Roles.Editor);
        var page = await factory.NewBrowser().GetPageAsync("/contact");
        Assert.Contains("vijf werkdagen", page.Text("main")); // the editors' own text stays
        var response = await AskAsync(factory, "/contact", "Karin Vrager", "karin@example.org", "Hoe kan ik een praktijkvoorbeeld aanpassen?");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Je bericht is verstuurd", await response.Content.ReadAsStringAsync());

        var relayed = await MailFolder.WaitForAsync(factory, "redactie-lezer@example.org", "contactpagina");
        Assert.Contains("Hoe kan ik een praktijkvoorbeeld aanpassen?", relayed.TextBody);
        Assert.Equal("karin@example.org", relayed.ReplyTo.Mailboxes.Single().Address);
        var copy = await MailFolder.WaitForAsync(factory, "karin@example.org", "Kopie van je vraag");
        Assert.Contains("Hoe kan ik een praktijkvoorbeeld aanpassen?", copy.TextBody);
    }

    [Fact]
    public async Task A_question_to_a_connector_goes_to_their_private_address_which_is_shown_nowhere()
    {
        await SetPrivateAddressAsync("henk-bewonersvereniging", "henk.prive@example.net");
        var profile = await factory.CreatePlainClient().GetPageAsync("/wijkschakelaars/henk-bewonersvereniging");
        var link = profile.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Stel je vraag aan Henk"));
        Assert.Equal("/wijkschakelaars/henk-bewonersvereniging/vraag", link.GetAttribute("href"));

        var response = await AskAsync(factory, "/wijkschakelaars/henk-bewonersvereniging/vraag", "Bart Buur", "bart@example.org", "Hoe richtten jullie de vereniging op?");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("henk.prive", await response.Content.ReadAsStringAsync());
        var relayed = await MailFolder.WaitForAsync(factory, "henk.prive@example.net", "Een vraag voor jou");
        Assert.Contains("Hoe richtten jullie de vereniging op?", relayed.TextBody);
        var copy = await MailFolder.WaitForAsync(factory, "bart@example.org", "Kopie van je vraag");
        Assert.DoesNotContain("henk.prive", copy.ToString());
        Assert.Contains("Henk", copy.TextBody);
    }

    [Fact]
    public async Task A_question_about_a_case_without_a_contact_person_goes_to_the_editors()
    {
        await factory.CreateEditorAsync("case-lezer@example.org", Roles.Administrator);
        var page = await factory.CreatePlainClient().GetPageAsync("/praktijkvoorbeelden/buurtkamer-de-linde");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent == "Stel een vraag over dit voorbeeld");
        await AskAsync(factory, "/praktijkvoorbeelden/buurtkamer-de-linde/vraag", "Ria", "ria@example.org", "Wie betaalde de huur van de buurtkamer?");
        var relayed = await MailFolder.WaitForAsync(factory, "case-lezer@example.org", "buurtkamer tegen eenzaamheid");
        Assert.Contains("Wie betaalde de huur", relayed.TextBody);
    }

    [Fact]
    public async Task Questions_are_only_asked_of_connectors_and_cases()
    {
        await factory.CreatePlainClient().GetPageAsync("/interventies/buurtkamer/vraag", expectedStatus: 404);
        await factory.CreatePlainClient().GetPageAsync("/wijkschakelaars/bestaat-niet/vraag", expectedStatus: 404);
    }

    [Fact]
    public async Task A_shared_story_with_an_empty_optional_address_is_accepted()
    {
        var fields = SubmissionTests.Story("Zonder e-mailadres");
        fields["Email"] = "";
        fields["Phone"] = "";
        fields["Name"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmissionTests.SubmitAsync(factory, fields)).StatusCode);
    }
}

public class ContactLimitTests(SubmissionTests.StrictFactory factory) : IClassFixture<SubmissionTests.StrictFactory>
{
    [Fact]
    public async Task The_limit_per_address_counts_accepted_messages_not_refused_attempts()
    {
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ContactTests.AskAsync(factory, "/contact", "Anna", "geen-adres", "Een vraag met een fout adres.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ContactTests.AskAsync(factory, "/contact", "Anna", "anna@example.org", "Mijn eerste echte vraag.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ContactTests.AskAsync(factory, "/contact", "Anna", "anna@example.org", "Mijn tweede echte vraag.")).StatusCode);
        var third = await ContactTests.AskAsync(factory, "/contact", "Anna", "anna@example.org", "Mijn derde echte vraag.");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Probeer het later opnieuw", await third.Content.ReadAsStringAsync());
    }
}
