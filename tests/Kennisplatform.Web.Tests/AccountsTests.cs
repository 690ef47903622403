using System.Net;
using AngleSharp.Html.Parser;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

public class AccountsTests(AccountsTests.Factory factory) : IClassFixture<AccountsTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private const string GoodPassword = "een lange zin als wachtwoord";

    private HttpClient NewBrowser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<Editor> CreateUserAsync(string email, string? role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        var editor = new Editor { UserName = email, Email = email, DisplayName = email.Split('@')[0], EmailConfirmed = true };
        var created = await users.CreateAsync(editor, GoodPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (role is not null)
            await users.AddToRoleAsync(editor, role);
        return editor;
    }

    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var token = await TokenAsync(client, "/beheer/inloggen");
        return await client.PostAsync("/beheer/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task A_fresh_platform_has_the_three_roles_and_no_account_at_all()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        Assert.Equal(Roles.All.Order(), db.Roles.Select(r => r.Name!).AsEnumerable().Order());
        Assert.DoesNotContain(db.Users, u => u.Email!.StartsWith("admin"));
        // The classic default credentials get the form back with an error, not a session.
        var attempt = await SignInAsync(NewBrowser(), "admin@localhost", "admin");
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Contains("klopt niet", await attempt.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_admin_reads_the_password_from_standard_input_and_that_admin_can_sign_in()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await AdminCommand.RunAsync(factory.Services, "beheer@example.org", "Bea Beheer", new StringReader(GoodPassword + "\n"), inputRedirected: true, output, errors);
        Assert.Equal(0, exit);
        Assert.Contains("Beheerder beheer@example.org is aangemaakt.", output.ToString());
        Assert.DoesNotContain(GoodPassword, output.ToString());

        var browser = NewBrowser();
        var signedIn = await SignInAsync(browser, "beheer@example.org", GoodPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/beheer", signedIn.Headers.Location!.OriginalString);
        var dashboard = await browser.GetPageAsync("/beheer");
        Assert.Contains("Welkom, Bea Beheer", dashboard.Text("main"));
        Assert.Contains("beheerder", dashboard.Text("main"));
        Assert.Equal("noindex", dashboard.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Create_admin_without_input_generates_a_strong_password_and_shows_it_once()
    {
        var output = new StringWriter();
        Assert.Equal(0, await AdminCommand.RunAsync(factory.Services, "tweede@example.org", null, TextReader.Null, inputRedirected: false, output, new StringWriter()));
        var password = output.ToString().Split(": ").Last().Trim();
        Assert.Equal(24, password.Length);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(NewBrowser(), "tweede@example.org", password)).StatusCode);
    }

    [Theory]
    [InlineData("kort", "minstens 12 tekens")]
    [InlineData("aaaaaaaaaaaaaaaa", "verschillende tekens")]
    public async Task Weak_password_is_refused_in_Dutch_and_no_account_is_made(string password, string message)
    {
        var errors = new StringWriter();
        var email = $"zwak{password.Length}@example.org";
        Assert.Equal(1, await AdminCommand.RunAsync(factory.Services, email, null, new StringReader(password), inputRedirected: true, new StringWriter(), errors));
        Assert.Contains(message, errors.ToString());
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<Editor>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        await CreateUserAsync("slot@example.org", Roles.Author);
        var browser = NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await SignInAsync(browser, "slot@example.org", "niet het goede wachtwoord");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await SignInAsync(browser, "slot@example.org", GoodPassword);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("tijdelijk geblokkeerd", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_address_and_wrong_password_get_the_same_answer()
    {
        await CreateUserAsync("bekend@example.org", Roles.Author);
        var unknown = await (await SignInAsync(NewBrowser(), "onbekend@example.org", GoodPassword)).Content.ReadAsStringAsync();
        var wrong = await (await SignInAsync(NewBrowser(), "bekend@example.org", "verkeerd wachtwoord hier")).Content.ReadAsStringAsync();
        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", unknown);
        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", wrong);
    }

    [Fact]
    public async Task Sign_out_is_a_post_with_antiforgery()
    {
        await CreateUserAsync("uit@example.org", Roles.Editor);
        var browser = NewBrowser();
        await SignInAsync(browser, "uit@example.org", GoodPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/beheer")).StatusCode);

        var forged = await browser.PostAsync("/beheer/uitloggen", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/beheer")).StatusCode);

        var token = await TokenAsync(browser, "/beheer");
        var signedOut = await browser.PostAsync("/beheer/uitloggen", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/beheer")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_never_redirects_outside_the_back_office()
    {
        await CreateUserAsync("terug@example.org", Roles.Author);
        var browser = NewBrowser();
        var token = await TokenAsync(browser, "/beheer/inloggen?ReturnUrl=//evil.example/");
        var response = await browser.PostAsync("/beheer/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "terug@example.org", ["Password"] = GoodPassword, ["ReturnUrl"] = "//evil.example/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal("/beheer", response.Headers.Location!.OriginalString);
    }

    /// <summary>
    /// Every endpoint the app maps under /beheer, found from the routing table, so a new one cannot be forgotten:
    /// anonymous visitors are sent to the sign-in page, and an account without a role is refused.
    /// </summary>
    [Fact]
    public async Task Every_back_office_endpoint_refuses_anonymous_users_and_accounts_without_a_role()
    {
        var open = new HashSet<string> { "beheer/inloggen", "beheer/geen-toegang" };
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("beheer", StringComparison.Ordinal) && !open.Contains(p))
            .Distinct().ToList();
        Assert.NotEmpty(endpoints);

        await CreateUserAsync("geenrol@example.org", role: null);
        var roleless = NewBrowser();
        await SignInAsync(roleless, "geenrol@example.org", GoodPassword);

        foreach (var endpoint in endpoints)
        {
            var path = "/" + endpoint;
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                var anonymous = await NewBrowser().SendAsync(new HttpRequestMessage(method, path));
                Assert.True(anonymous.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest,
                    $"{method} {path} gave {(int)anonymous.StatusCode} to an anonymous visitor");
                if (anonymous.StatusCode == HttpStatusCode.Redirect)
                    Assert.StartsWith("http://localhost/beheer/inloggen", anonymous.Headers.Location!.ToString());

                var noRole = await roleless.SendAsync(new HttpRequestMessage(method, path));
                Assert.True(noRole.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest,
                    $"{method} {path} gave {(int)noRole.StatusCode} to an account without a role");
                if (noRole.StatusCode == HttpStatusCode.Redirect)
                    Assert.StartsWith("http://localhost/beheer/geen-toegang", noRole.Headers.Location!.ToString());
            }
        }
    }
}
