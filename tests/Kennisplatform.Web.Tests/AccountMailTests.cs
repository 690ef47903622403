using System.Net;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

public class AccountMailTests(AccountMailTests.Factory factory) : IClassFixture<AccountMailTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await SiteFactory.TokenAsync(browser, path.Split("?handler")[0]);
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static Task<HttpResponseMessage> ChooseAsync(HttpClient browser, string link, string password) =>
        PostAsync(browser, link, new() { ["Password"] = password, ["Repeat"] = password });

    [Fact]
    public async Task Forgotten_password_gives_the_same_answer_for_any_address_and_a_link_that_works_once()
    {
        await factory.CreateEditorAsync("vergeten@example.org", Roles.Author);
        var browser = factory.NewBrowser();
        Assert.Contains("Wachtwoord vergeten?", (await browser.GetPageAsync("/beheer/inloggen")).Text("main"));

        var known = await PostAsync(browser, "/beheer/wachtwoord-vergeten", new() { ["Email"] = "vergeten@example.org" });
        var unknown = await PostAsync(browser, "/beheer/wachtwoord-vergeten", new() { ["Email"] = "niemand@example.org" });
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(MainText(await known.Content.ReadAsStringAsync()), MainText(await unknown.Content.ReadAsStringAsync()));

        var mail = await MailFolder.WaitForAsync(factory, "vergeten@example.org", "nieuw wachtwoord");
        Assert.Contains("een uur geldig", mail.TextBody);
        Assert.Contains("<a href=", mail.HtmlBody);
        Assert.Equal("Kennisplatform wijken", mail.From.Mailboxes.Single().Name);
        var link = MailFolder.LinkIn(mail, "/beheer/wachtwoord-herstellen");
        Assert.Equal(HttpStatusCode.OK, (await ChooseAsync(browser, link, "mijn nieuwe lange wachtzin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.SignInAsync(factory.NewBrowser(), "vergeten@example.org", "mijn nieuwe lange wachtzin")).StatusCode);

        var again = await factory.NewBrowser().GetPageAsync(link);
        Assert.Contains("werkt niet (meer)", again.Text("[role=alert]"));
        Assert.Contains("werkt niet (meer)", (await factory.NewBrowser().GetPageAsync(link.Replace("code=", "code=x"))).Text("[role=alert]"));
        Assert.DoesNotContain(MailFolder.All(factory), m => m.To.Mailboxes.Any(a => a.Address == "niemand@example.org"));
    }

    [Fact]
    public async Task Asking_too_often_for_one_address_is_refused_with_a_Dutch_message()
    {
        var browser = factory.NewBrowser();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
            last = await PostAsync(browser, "/beheer/wachtwoord-vergeten", new() { ["Email"] = "vaak@example.org" });
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("al vaak om een nieuw wachtwoord gevraagd", await last.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invited_editor_chooses_their_own_password_through_the_link_once()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        var response = await PostAsync(admin, "/beheer/gebruikers?handler=Create", new() { ["Name"] = "Ingrid Nieuw", ["Email"] = "ingrid@example.org", ["Role"] = Roles.Editor });
        Assert.Equal("/beheer/gebruikers", response.Headers.Location!.OriginalString);
        var page = await admin.GetStringAsync("/beheer/gebruikers");
        Assert.Contains("uitnodiging gestuurd", page);
        Assert.DoesNotContain("code class=\"password\"", page);

        var mail = await MailFolder.WaitForAsync(factory, "ingrid@example.org", "uitgenodigd");
        Assert.Contains("redacteur", mail.TextBody);
        var link = MailFolder.LinkIn(mail, "/beheer/uitnodiging");
        var invitee = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await ChooseAsync(invitee, link, "ingrids eigen lange zin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.SignInAsync(invitee, "ingrid@example.org", "ingrids eigen lange zin")).StatusCode);
        Assert.Contains("redacteur", (await invitee.GetPageAsync("/beheer")).Text("main"));

        Assert.Contains("werkt niet (meer)", (await factory.NewBrowser().GetPageAsync(link)).Text("[role=alert]"));
        var replay = await factory.NewBrowser().PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["Password"] = "een overgenomen wachtzin", ["Repeat"] = "een overgenomen wachtzin" }));
        Assert.NotEqual(HttpStatusCode.InternalServerError, replay.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SiteFactory.SignInAsync(factory.NewBrowser(), "ingrid@example.org", "een overgenomen wachtzin")).StatusCode);
    }

    [Fact]
    public async Task The_back_office_shows_how_much_mail_waits()
    {
        var (editor, _) = await factory.SignedInAsync(Roles.Editor);
        Assert.Contains("E-mail:", (await editor.GetPageAsync("/beheer")).Text("#e-mailstatus"));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Kennisplatform.Content.Storage.ContentDb>();
        db.Outbox.Add(new()
        {
            CreatedAt = factory.Clock.Now.UtcDateTime,
            NextAttemptAt = factory.Clock.Now.UtcDateTime.AddHours(1),
            Purpose = "test",
            ToAddress = "later@example.org",
            Subject = "Later",
            TextBody = "x",
            HtmlBody = "x",
            Attempts = 2,
            LastError = "Verbinding geweigerd"
        });
        await db.SaveChangesAsync();
        var line = (await editor.GetPageAsync("/beheer")).Text("#e-mailstatus");
        Assert.Contains("1 e-mail wacht op verzending, waarvan 1 na een mislukte poging", line);
        Assert.Contains("Verbinding geweigerd", line);
    }

    internal static string MainText(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("main")!.TextContent;
}

public class ResetLinkExpiryTests(ResetLinkExpiryTests.Factory factory) : IClassFixture<ResetLinkExpiryTests.Factory>
{
    /// <summary>Identity's token provider reads the system clock, not ours: a link valid for two seconds stands in for the hour.</summary>
    public sealed class Factory : SiteFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kennisplatform:Accounts:ResetLinkValidFor", "00:00:02");
        }
    }

    [Fact]
    public async Task A_reset_link_no_longer_works_after_its_time()
    {
        await factory.CreateEditorAsync("traag@example.org", Roles.Author);
        var browser = factory.NewBrowser();
        var fields = new Dictionary<string, string> { ["Email"] = "traag@example.org", ["__RequestVerificationToken"] = await SiteFactory.TokenAsync(browser, "/beheer/wachtwoord-vergeten") };
        await browser.PostAsync("/beheer/wachtwoord-vergeten", new FormUrlEncodedContent(fields));
        var link = MailFolder.LinkIn(await MailFolder.WaitForAsync(factory, "traag@example.org", "nieuw wachtwoord"), "/beheer/wachtwoord-herstellen");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Contains("werkt niet (meer)", (await browser.GetPageAsync(link)).Text("[role=alert]"));
    }
}

public class WorkflowMailTests(WorkflowMailTests.Factory factory) : IClassFixture<WorkflowMailTests.Factory>
{
    public sealed class Factory : SiteFactory;

    [Fact]
    public async Task Editors_hear_what_waits_for_review_and_the_auteur_hears_it_was_sent_back_unless_turned_off()
    {
        var (auteur, writer) = await factory.SignedInAsync(Roles.Author);
        var (redacteur, reviewer) = await factory.SignedInAsync(Roles.Editor);
        var (quiet, quietEditor) = await factory.SignedInAsync(Roles.Editor);
        var account = await quiet.GetPageAsync("/beheer/account");
        await quiet.PostAsync("/beheer/account?handler=WorkflowMail", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["on"] = "false", ["__RequestVerificationToken"] = account.QuerySelector("form[action*=WorkflowMail] input[name=__RequestVerificationToken]")!.GetAttribute("value")! }));
        Assert.Contains("Uit", (await quiet.GetPageAsync("/beheer/account")).Text("#meldingen-stand"));

        var (created, _) = await EditingTests.PostAsync(auteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", EditingTests.NewCase("Ter beoordeling gestuurd"), ("actie", "aanbieden"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var notice = await MailFolder.WaitForAsync(factory, reviewer.Email!, "Ter beoordeling");
        Assert.Contains("/beheer/inhoud/", notice.TextBody);
        Assert.DoesNotContain(MailFolder.All(factory), m => m.To.Mailboxes.Any(a => a.Address == quietEditor.Email || a.Address == writer.Email));

        var path = created.Headers.Location!.OriginalString.Split('?')[0];
        var fields = EditingTests.NewCase("Ter beoordeling gestuurd");
        fields["version"] = "1";
        var (sentBack, _) = await EditingTests.PostAsync(redacteur, path, fields, ("actie", "terugsturen"), ("opmerking", "Graag nog een foto erbij."));
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        var mail = (await MailFolder.WaitForAsync(factory, writer.Email!, "Teruggestuurd")).TextBody;
        Assert.Contains("teruggestuurd", mail);
        Assert.Contains("Graag nog een foto erbij.", mail);
    }
}
