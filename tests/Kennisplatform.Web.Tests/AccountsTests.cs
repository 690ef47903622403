using System.Net;
using AngleSharp.Html.Parser;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

public class AccountsTests(AccountsTests.Factory factory) : IClassFixture<AccountsTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private const string GoodPassword = SiteFactory.EditorPassword;

    private HttpClient NewBrowser() => factory.NewBrowser();

    private Task<Editor> CreateUserAsync(string email, string? role) => factory.CreateEditorAsync(email, role);

    private static Task<string> TokenAsync(HttpClient client, string path) => SiteFactory.TokenAsync(client, path);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) => SiteFactory.SignInAsync(client, email, password);

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

    public static TheoryData<DatabaseEngine> Engines => new(Enum.GetValues<DatabaseEngine>());

    [Theory]
    [MemberData(nameof(Engines))]
    public void Accounts_model_has_no_changes_missing_from_the_migrations_of_any_engine(DatabaseEngine engine)
    {
        using var db = AccountsDb.Open(engine == DatabaseEngine.Sqlite
            ? DatabaseTarget.Sqlite("never-opened.db")
            : new(DatabaseEngine.PostgreSql, "Host=localhost;Database=never-opened"));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run: tools/add-migration.sh accounts <Name> (adds the migration for every engine)");
    }

    [Fact]
    public async Task The_site_uses_the_accounts_context_of_its_engine()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        Assert.Equal(factory.Database.Engine == DatabaseEngine.Sqlite, db.Database.IsSqlite());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
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
            ["Email"] = "terug@example.org",
            ["Password"] = GoodPassword,
            ["ReturnUrl"] = "//evil.example/",
            ["__RequestVerificationToken"] = token,
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
        // Open only where the endpoint itself says so (sign-in pages, access denied).
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("beheer", StringComparison.Ordinal))
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
                // A method the endpoint has no handler for is refused before anything else, and says what it does take.
                if (anonymous.StatusCode == HttpStatusCode.MethodNotAllowed)
                {
                    Assert.DoesNotContain(method.Method, anonymous.Content.Headers.Allow);
                    Assert.Equal(HttpStatusCode.MethodNotAllowed, (await roleless.SendAsync(new HttpRequestMessage(method, path))).StatusCode);
                    continue;
                }
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

    private async Task<HttpClient> SignedInAsync(string role) => (await factory.SignedInAsync(role)).Browser;

    private async Task<(HttpClient Browser, string Id)> SignedInWithIdAsync(string role)
    {
        var (browser, editor) = await factory.SignedInAsync(role);
        return (browser, editor.Id);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PostFormAsync(HttpClient browser, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(browser, "/beheer/gebruikers");
        var response = await browser.PostAsync($"/beheer/gebruikers?handler={handler}", new FormUrlEncodedContent(fields));
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            // Post/redirect/get: the address bar shows the plain page, so a refresh never posts again.
            Assert.Equal("/beheer/gebruikers", response.Headers.Location!.OriginalString);
            response = await browser.GetAsync(response.Headers.Location);
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Editor>>().FindByEmailAsync(email))!.Id;
    }

    [Fact]
    public async Task A_beheerder_invites_an_account_changes_its_role_disables_enables_and_resets_it()
    {
        var admin = await SignedInAsync(Roles.Administrator);
        var created = await PostFormAsync(admin, "Create", new() { ["Name"] = "Rita Redacteur", ["Email"] = "rita@example.org", ["Role"] = Roles.Editor });
        Assert.Null(created.QuerySelector("code.password")); // nobody but Rita ever knows her password
        Assert.Contains("Rita Redacteur", created.QuerySelector("table")!.TextContent);

        var rita = NewBrowser();
        const string password = "rita kiest zelf een wachtwoord";
        var link = MailFolder.LinkIn(await MailFolder.WaitForAsync(factory, "rita@example.org", "uitgenodigd"), "/beheer/uitnodiging");
        var choose = new Dictionary<string, string> { ["Password"] = password, ["Repeat"] = password, ["__RequestVerificationToken"] = await TokenAsync(rita, link) };
        Assert.Equal(HttpStatusCode.OK, (await rita.PostAsync(link, new FormUrlEncodedContent(choose))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(rita, "rita@example.org", password)).StatusCode);
        Assert.Contains("redacteur", (await rita.GetPageAsync("/beheer")).Text("main"));

        var id = await IdOfAsync("rita@example.org");
        await PostFormAsync(admin, "Role", new() { ["id"] = id, ["role"] = Roles.Author });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            Assert.Equal([Roles.Author], await users.GetRolesAsync((await users.FindByIdAsync(id))!));
        }

        await PostFormAsync(admin, "Disable", new() { ["id"] = id });
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(NewBrowser(), "rita@example.org", password)).StatusCode);
        await PostFormAsync(admin, "Enable", new() { ["id"] = id });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(NewBrowser(), "rita@example.org", password)).StatusCode);

        var reset = await PostFormAsync(admin, "Reset", new() { ["id"] = id });
        var newPassword = reset.QuerySelector("code.password")!.TextContent;
        Assert.NotEqual(password, newPassword);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(NewBrowser(), "rita@example.org", password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(NewBrowser(), "rita@example.org", newPassword)).StatusCode);
    }

    [Fact]
    public async Task The_log_shows_who_changed_accounts_and_who_saved_content()
    {
        var (admin, me) = await factory.SignedInAsync(Roles.Administrator);
        await PostFormAsync(admin, "Create", new() { ["Name"] = "Lotte Log", ["Email"] = "lotte@example.org", ["Role"] = Roles.Author });

        var mine = await admin.GetPageAsync("/beheer/logboek?wie=" + Uri.EscapeDataString(me.Email!));
        var row = mine.QuerySelectorAll("tbody tr").Select(r => r.TextContent).Single(t => t.Contains("lotte@example.org"));
        Assert.Contains("account gemaakt met rol auteur", row);

        var imported = await admin.GetPageAsync("/beheer/logboek?wie=import");
        Assert.Contains("versie 1 opgeslagen (gepubliceerd)", imported.Text("tbody"));
        Assert.Contains("/beheer/inhoud/", imported.Links("tbody a").First());
    }

    [Fact]
    public async Task The_users_page_shows_when_each_account_last_signed_in()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        var email = $"laatst-{Guid.NewGuid():N}@example.org";
        await factory.CreateEditorAsync(email, Roles.Author);
        string Row(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email)).TextContent;

        Assert.Contains("nog nooit", Row(await admin.GetPageAsync("/beheer/gebruikers")));
        await SignInAsync(NewBrowser(), email, GoodPassword);
        var at = factory.Clock.Now.UtcDateTime;
        Assert.Contains(Kennisplatform.Content.Model.DutchTime.DateAndTime(at), Row(await admin.GetPageAsync("/beheer/gebruikers")));
        // A failed attempt is not a sign-in.
        factory.Clock.Now = factory.Clock.Now.AddHours(2);
        await SignInAsync(NewBrowser(), email, "verkeerd wachtwoord van lengte");
        Assert.Contains(Kennisplatform.Content.Model.DutchTime.Time(at), Row(await admin.GetPageAsync("/beheer/gebruikers")));
        factory.Clock.Now = factory.Clock.Now.AddHours(-2);
    }

    /// <summary>
    /// Every POST handler of every back-office page, found from the routing table (so a new one cannot be forgotten),
    /// gets an empty form and a garbled one from a signed-in beheerder; and every form open to anonymous visitors
    /// gets the same from a stranger. None may answer with a server error.
    /// </summary>
    [Fact]
    public async Task Empty_or_garbled_posts_to_any_back_office_form_never_give_a_server_error()
    {
        var loader = factory.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageLoader>();
        var forms = new List<(string Path, string? Name, bool Open)>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("beheer", StringComparison.Ordinal)))
        {
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not { } page)
                continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            forms.AddRange(compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                .Select(h => (Concrete(endpoint.RoutePattern.RawText!), h.Name, endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)));
        }
        forms = forms.Distinct().ToList();
        Assert.Contains(forms, f => f.Path == "/beheer/account" && f.Name == "AddPasskey");
        Assert.Contains(forms, f => f.Path == "/beheer/inloggen" && f.Name == "Passkey" && f.Open);
        Assert.True(forms.Count >= 20, $"only {forms.Count} handlers found");

        var admin = await SignedInAsync(Roles.Administrator);
        var adminToken = await TokenAsync(admin, "/beheer"); // antiforgery tokens belong to the session, not to one form
        var stranger = NewBrowser();
        var strangerToken = await TokenAsync(stranger, "/beheer/inloggen");
        var failures = new List<string>();
        foreach (var (path, name, open) in forms)
        {
            var (browser, token) = open ? (stranger, strangerToken) : (admin, adminToken);
            var url = name is { Length: > 0 } ? $"{path}?handler={name}" : path;
            foreach (var fields in new[]
            {
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token },
                new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["id"] = "nonsense", ["role"] = "<script>", ["revision"] = "-1", ["version"] = "x",
                    ["code"] = "'; drop table", ["actie"] = "vliegen", ["credential"] = "{\"id\":1,\"response\":[]}", ["name"] = new string('x', 5000),
                    ["Code"] = "x", ["Email"] = "@", ["Password"] = "\u0000",
                },
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["credential"] = "niet eens json", ["id"] = "////" },
            })
            {
                var response = await browser.PostAsync(url, new FormUrlEncodedContent(fields));
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{url} ({(open ? "anonymous" : "beheerder")}) gave {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>A route template with its parameters filled in with values that exist in the seed content.</summary>
    private static string Concrete(string template) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(template.TrimStart('/'), @"\{(\w+)[^}]*\}", m => m.Groups[1].Value switch
        {
            "id" or "key" => "1",
            _ => "",
        }).TrimEnd('/');

    [Fact]
    public async Task Invalid_new_account_gets_Dutch_messages_next_to_the_fields()
    {
        var admin = await SignedInAsync(Roles.Administrator);
        var page = await PostFormAsync(admin, "Create", new() { ["Name"] = "", ["Email"] = "geen-adres", ["Role"] = "koning" });
        Assert.Contains("Vul een naam in.", page.QuerySelector("#naam-fout")!.TextContent);
        Assert.Contains("geen geldig e-mailadres", page.QuerySelector("#email-fout")!.TextContent);
        Assert.Contains("Kies een bestaande rol.", page.QuerySelector("#rol-fout")!.TextContent);
        Assert.Null(page.QuerySelector("code.password"));
    }

    [Theory]
    [InlineData("Role")]
    [InlineData("Disable")]
    [InlineData("Remove")]
    public async Task Two_beheerders_who_take_away_each_others_role_at_the_same_moment_leave_one(string handler)
    {
        for (var round = 0; round < 4; round++)
        {
            var (first, firstId) = await SignedInWithIdAsync(Roles.Administrator);
            var (second, secondId) = await SignedInWithIdAsync(Roles.Administrator);
            List<Editor> others;
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                // The other beheerders of this class are locked for the round: these two are the last active ones.
                var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
                others = (await users.GetUsersInRoleAsync(Roles.Administrator))
                    .Where(a => a.Id != firstId && a.Id != secondId && a.LockoutEnd is null).ToList();
                foreach (var other in others)
                    await users.SetLockoutEndDateAsync(other, DateTimeOffset.MaxValue);
            }
            var firstToken = await TokenAsync(first, "/beheer/gebruikers");
            var secondToken = await TokenAsync(second, "/beheer/gebruikers");
            Task<HttpResponseMessage> Post(HttpClient browser, string token, string id) => browser.PostAsync($"/beheer/gebruikers?handler={handler}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["id"] = id, ["role"] = Roles.Author }));
            var answers = await Task.WhenAll(Post(first, firstToken, secondId), Post(second, secondToken, firstId));

            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
                var now = factory.Clock.GetUtcNow();
                var left = (await users.GetUsersInRoleAsync(Roles.Administrator))
                    .Count(a => (a.Id == firstId || a.Id == secondId) && (a.LockoutEnd is null || a.LockoutEnd <= now));
                Assert.True(left == 1, $"round {round}: {left} active beheerders left; answers {answers[0].StatusCode}, {answers[1].StatusCode}");
                foreach (var other in others)
                    await users.SetLockoutEndDateAsync(await users.FindByIdAsync(other.Id) ?? other, null);
            }
        }
    }

    [Fact]
    public async Task The_last_active_beheerder_cannot_be_disabled_or_demoted()
    {
        var (admin, last) = await SignedInWithIdAsync(Roles.Administrator);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        // Other tests in this class made administrators too: lock them for a moment, so this one is the last.
        var others = (await users.GetUsersInRoleAsync(Roles.Administrator)).Where(a => a.Id != last && a.LockoutEnd is null).ToList();
        foreach (var other in others)
            await users.SetLockoutEndDateAsync(other, DateTimeOffset.MaxValue);

        var disable = await PostFormAsync(admin, "Disable", new() { ["id"] = last });
        Assert.Contains("laatste actieve beheerder", disable.QuerySelector("[role=alert]")!.TextContent);
        var demote = await PostFormAsync(admin, "Role", new() { ["id"] = last, ["role"] = Roles.Author });
        Assert.Contains("laatste actieve beheerder", demote.QuerySelector("[role=alert]")!.TextContent);

        foreach (var other in others)
            await users.SetLockoutEndDateAsync(other, null);
    }

    /// <summary>
    /// Every back-office endpoint against every role, with the answer worked out from the endpoint's own
    /// authorization policies: a role the policies do not name is refused, on the server, whatever the menu shows.
    /// </summary>
    [Fact]
    public async Task Every_back_office_endpoint_admits_exactly_the_roles_its_policies_name()
    {
        var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("beheer", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText!.Contains("gebruikers"));

        var browsers = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
            browsers[role] = await SignedInAsync(role);

        foreach (var endpoint in endpoints)
        {
            var required = new List<IReadOnlyCollection<string>>();
            foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
            {
                var policy = data.Policy is null ? await policies.GetDefaultPolicyAsync() : await policies.GetPolicyAsync(data.Policy);
                required.AddRange(policy!.Requirements.OfType<RolesAuthorizationRequirement>().Select(r => (IReadOnlyCollection<string>)r.AllowedRoles.ToList()));
            }
            Assert.NotEmpty(required);
            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            foreach (var role in Roles.All)
            {
                var allowed = required.All(r => r.Contains(role));
                var response = await browsers[role].GetAsync(path);
                var refused = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/beheer/geen-toegang")
                    || response.StatusCode == HttpStatusCode.Forbidden;
                Assert.True(allowed != refused, $"GET {path} as {role}: expected {(allowed ? "admitted" : "refused")}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
    }
}
