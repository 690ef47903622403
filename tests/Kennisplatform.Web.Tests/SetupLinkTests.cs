using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Kennisplatform.Content.Storage;
using Kennisplatform.Testing;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>The one-time link for the first administrator, printed to the log on a first start.</summary>
public partial class SetupLinkTests
{
    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/beheer/installeren\?code=[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();

    /// <summary>The real executable on a fresh data folder: it prints a working link; with an administrator it prints none.</summary>
    [Fact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task A_first_start_prints_a_working_one_time_link_and_a_later_start_prints_none()
    {
        var work = Directory.CreateTempSubdirectory("kp-setup-").FullName;
        try
        {
            string link;
            await using (var server = await ServerProcess.StartAsync(work))
            {
                link = LinkPattern().Match(await server.WaitForAsync("installeren?code=")).Value;
                Assert.NotEmpty(link);
                using var http = new HttpClient();
                var page = await http.GetAsync(link);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Contains("Eerste beheerder maken", await page.Content.ReadAsStringAsync());
                var wrong = await http.GetAsync(link[..^4] + "AAAA");
                Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
            }

            await using (var server = await ServerProcess.StartAsync(work))
            {
                // A restart issues a new code of its own and prints that.
                var second = LinkPattern().Match(await server.WaitForAsync("installeren?code=")).Value;
                Assert.NotEqual(link[link.IndexOf("?code=", StringComparison.Ordinal)..], second[second.IndexOf("?code=", StringComparison.Ordinal)..]);
            }

            var admin = ServerProcess.Command(work, "create-admin", "--email", "eerste@example.org");
            admin.RedirectStandardInput = true;
            using (var process = Process.Start(admin)!)
            {
                await process.StandardInput.WriteLineAsync(SiteFactory.EditorPassword);
                process.StandardInput.Close();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
                Assert.Equal(0, process.ExitCode);
            }

            await using (var server = await ServerProcess.StartAsync(work))
            {
                var output = await server.WaitForAsync("Application started");
                Assert.DoesNotContain("installeren", output);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task The_link_creates_one_signed_in_administrator_once_and_refuses_bad_input_without_using_itself_up()
    {
        using var factory = new SiteFactory();
        var code = await IssueAsync(factory);
        var browser = factory.NewBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/beheer/installeren")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/beheer/installeren?code=" + code[..^1] + "x")).StatusCode);
        var path = "/beheer/installeren?code=" + code;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);

        // No antiforgery token: refused, nothing made.
        var forged = await browser.PostAsync(path, new FormUrlEncodedContent(Form(code, "Eerste", "eerste@example.org", SiteFactory.EditorPassword, SiteFactory.EditorPassword)));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // A short password and a mistyped repeat: Dutch messages, nothing made, the link still works.
        var weak = await PostAsync(browser, path, Form(code, "Eerste", "eerste@example.org", "kort", "kort"));
        Assert.Contains("minstens 12 tekens", weak, StringComparison.OrdinalIgnoreCase);
        var mismatch = await PostAsync(browser, path, Form(code, "Eerste", "eerste@example.org", SiteFactory.EditorPassword, SiteFactory.EditorPassword + "!"));
        Assert.Contains("De twee wachtwoorden zijn niet gelijk.", mismatch);
        Assert.Empty(await UsersAsync(factory));

        // A wrong code in the form is refused even after a page was opened with the right one.
        var token = await SiteFactory.TokenAsync(browser, path);
        var wrongCode = Form("verkeerd", "Eerste", "eerste@example.org", SiteFactory.EditorPassword, SiteFactory.EditorPassword);
        wrongCode.Add(new("__RequestVerificationToken", token));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync("/beheer/installeren", new FormUrlEncodedContent(wrongCode))).StatusCode);

        token = await SiteFactory.TokenAsync(browser, path);
        var fields = Form(code, "Eerste Beheerder", "eerste@example.org", SiteFactory.EditorPassword, SiteFactory.EditorPassword);
        fields.Add(new("__RequestVerificationToken", token));
        var done = await browser.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/beheer", done.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/beheer/gebruikers")).StatusCode);

        var users = await UsersAsync(factory);
        var admin = Assert.Single(users);
        Assert.Equal("eerste@example.org", admin.Email);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<Editor>>().IsInRoleAsync(admin, Roles.Administrator));
            var audit = scope.ServiceProvider.GetRequiredService<ContentDb>().Audit;
            Assert.True(await audit.AnyAsync(a => a.Action.Contains("eenmalige link") && a.Subject == "eerste@example.org"));
        }

        // Used up: the same link, and the same form, now answer 404 and make no second account.
        var other = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
        var replay = Form(code, "Tweede", "tweede@example.org", SiteFactory.EditorPassword, SiteFactory.EditorPassword);
        replay.Add(new("__RequestVerificationToken", await SiteFactory.TokenAsync(other, "/beheer/inloggen")));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(path, new FormUrlEncodedContent(replay))).StatusCode);
        Assert.Single(await UsersAsync(factory));
    }

    [Fact]
    public async Task An_administrator_made_on_the_command_line_closes_the_link()
    {
        using var factory = new SiteFactory();
        var code = await IssueAsync(factory);
        await factory.CreateEditorAsync("beheer@example.org", Roles.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewBrowser().GetAsync("/beheer/installeren?code=" + code)).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<SetupLink>().IsOpenAsync());
    }

    [Fact]
    public async Task A_link_issued_by_one_node_works_on_another_node_of_the_same_database()
    {
        using var first = new SiteFactory();
        using var second = SiteFactory.NodeBeside(first);
        var code = await IssueAsync(first);
        var path = "/beheer/installeren?code=" + code;

        // The form comes from one node and is posted to the other: the shared key ring reads its antiforgery token.
        using var one = first.CreatePlainClient();
        using var form = await one.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await form.Content.ReadAsStringAsync());
        var fields = Form(code, "Eerste", "eerste@example.org", SiteFactory.EditorPassword, SiteFactory.EditorPassword);
        fields.Add(new("__RequestVerificationToken", document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        using var created = await second.CreatePlainClient().SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Single(await UsersAsync(first));
        Assert.Equal(HttpStatusCode.NotFound, (await one.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_link_expires_after_a_day()
    {
        using var factory = new SiteFactory();
        var path = "/beheer/installeren?code=" + await IssueAsync(factory);
        factory.Clock.Now = factory.Clock.Now.AddHours(23);
        Assert.Equal(HttpStatusCode.OK, (await factory.NewBrowser().GetAsync(path)).StatusCode);
        factory.Clock.Now = factory.Clock.Now.AddHours(2);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewBrowser().GetAsync(path)).StatusCode);
    }

    private static async Task<string> IssueAsync(SiteFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SetupLink>().IssueAsync();
    }

    private static List<KeyValuePair<string, string>> Form(string code, string name, string email, string password, string repeat) =>
    [
        new("Code", code), new("Name", name), new("Email", email), new("Password", password), new("Repeat", repeat),
    ];

    private static async Task<string> PostAsync(HttpClient browser, string path, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("__RequestVerificationToken", await SiteFactory.TokenAsync(browser, path)));
        var response = await browser.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return document.QuerySelector("main")!.TextContent;
    }

    private static async Task<List<Editor>> UsersAsync(SiteFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<Editor>>().Users.ToListAsync();
    }
}
