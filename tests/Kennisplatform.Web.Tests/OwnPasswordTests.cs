using System.Net;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>An account with a password someone else made chooses its own before it can do anything else.</summary>
public class OwnPasswordTests(OwnPasswordTests.Factory factory) : IClassFixture<OwnPasswordTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private async Task<string> OneTimePasswordAsync(HttpClient admin, string id)
    {
        var fields = new Dictionary<string, string> { ["id"] = id, ["__RequestVerificationToken"] = await SiteFactory.TokenAsync(admin, "/beheer/gebruikers") };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/beheer/gebruikers?handler=Reset", new FormUrlEncodedContent(fields))).StatusCode);
        var page = await admin.GetPageAsync("/beheer/gebruikers");
        Assert.Contains("eerst een eigen wachtwoord", page.Text("[role=status]"));
        return page.QuerySelector("code.password")!.TextContent;
    }

    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient browser, string password, string repeat, string formPage = OwnPassword.PagePath)
    {
        var token = await SiteFactory.TokenAsync(browser, formPage);
        return await browser.PostAsync(OwnPassword.PagePath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = password,
            ["Repeat"] = repeat,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static async Task AssertSentToChooseAsync(HttpClient browser, HttpMethod method, string path)
    {
        var response = await browser.SendAsync(new HttpRequestMessage(method, path));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path} gave {(int)response.StatusCode}");
        Assert.Equal(OwnPassword.PagePath, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_password_made_by_a_beheerder_must_be_replaced_before_any_back_office_page_opens()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        var editor = await factory.CreateEditorAsync("eenmalig@example.org", Roles.Editor);
        var oneTime = await OneTimePasswordAsync(admin, editor.Id);

        var browser = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.SignInAsync(browser, editor.Email!, oneTime)).StatusCode);
        foreach (var path in new[] { "/beheer", "/beheer/inhoud", "/beheer/account", "/beheer/media", "/beheer/inhoud/nieuw/praktijkvoorbeeld" })
            await AssertSentToChooseAsync(browser, HttpMethod.Get, path);
        await AssertSentToChooseAsync(browser, HttpMethod.Post, "/beheer/account?handler=Password");

        var form = await browser.GetPageAsync(OwnPassword.PagePath);
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.NotNull(form.QuerySelector("input[name=Password][autocomplete=new-password]"));

        // The password it was given, or two different ones, are refused in Dutch and change nothing.
        var same = await ChooseAsync(browser, oneTime, oneTime);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Contains("Kies een ander wachtwoord", await same.Content.ReadAsStringAsync());
        var different = await ChooseAsync(browser, "een heel nieuw wachtwoord", "een ander nieuw wachtwoord");
        Assert.Contains("niet gelijk", await different.Content.ReadAsStringAsync());
        await AssertSentToChooseAsync(browser, HttpMethod.Get, "/beheer");

        const string own = "mijn eigen lange wachtwoord";
        var chosen = await ChooseAsync(browser, own, own);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/beheer", chosen.Headers.Location!.OriginalString);
        Assert.Contains("Welkom", (await browser.GetPageAsync("/beheer")).Text("main"));
        await browser.GetPageAsync("/beheer/inhoud");

        // The one-time password is gone; the own one signs in straight to the dashboard.
        Assert.Equal(HttpStatusCode.OK, (await SiteFactory.SignInAsync(factory.NewBrowser(), editor.Email!, oneTime)).StatusCode);
        var again = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.SignInAsync(again, editor.Email!, own)).StatusCode);
        await again.GetPageAsync("/beheer");
        Assert.Contains("Mijn account", (await again.GetPageAsync(OwnPassword.PagePath)).Text("main"));
    }

    [Fact]
    public async Task A_generated_create_admin_password_must_be_replaced_too_but_a_typed_one_not()
    {
        var output = new StringWriter();
        Assert.Equal(0, await AdminCommand.RunAsync(factory.Services, "gemaakt@example.org", null, TextReader.Null, inputRedirected: false, output, new StringWriter()));
        var generated = output.ToString().Split(": ").Last().Trim();
        var browser = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.SignInAsync(browser, "gemaakt@example.org", generated)).StatusCode);
        await AssertSentToChooseAsync(browser, HttpMethod.Get, "/beheer/gebruikers");

        Assert.Equal(0, await AdminCommand.RunAsync(factory.Services, "getypt@example.org", null, new StringReader(SiteFactory.EditorPassword), inputRedirected: true, new StringWriter(), new StringWriter()));
        var typed = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.SignInAsync(typed, "getypt@example.org", SiteFactory.EditorPassword)).StatusCode);
        await typed.GetPageAsync("/beheer/gebruikers");
    }

    [Fact]
    public async Task An_account_with_its_own_password_cannot_use_the_first_password_page_to_skip_the_current_one()
    {
        var (redacteur, editor) = await factory.SignedInAsync(Roles.Editor);
        var response = await ChooseAsync(redacteur, "een ander lang wachtwoord", "een ander lang wachtwoord", formPage: "/beheer/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(editor.Id))!, SiteFactory.EditorPassword));
    }
}
