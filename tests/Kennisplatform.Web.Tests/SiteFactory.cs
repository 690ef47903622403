using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Testing;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// The real app with its own data folder and a fresh database (so the seed content), on the engine of this test run
/// (<see cref="TestEngine"/>: SQLite in the data folder, or a new PostgreSQL database), and a clock the test controls.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    private readonly bool ownsDatabase = true;
    private readonly string databaseSetting;

    public SiteFactory()
    {
        DataFolder = Directory.CreateTempSubdirectory("kp-web-").FullName;
        Database = TestEngine.NewDatabase(DataFolder);
        databaseSetting = DatabaseSetting(Database);
    }

    /// <summary>Another node: a data folder (and search index) of its own, on the database of <paramref name="first"/>.</summary>
    public static SiteFactory NodeBeside(SiteFactory first) => new OtherNode(first);

    private sealed class OtherNode(SiteFactory first) : SiteFactory(first);

    /// <summary>For subclasses that make another node: a data folder of its own, on the database of <paramref name="first"/>.</summary>
    protected SiteFactory(SiteFactory first)
    {
        DataFolder = Directory.CreateTempSubdirectory("kp-web-").FullName;
        Database = first.Database;
        databaseSetting = Database.ConnectionString;
        ownsDatabase = false;
    }

    public string DataFolder { get; }
    public DatabaseTarget Database { get; }
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The database setting a test host or process gets: empty for SQLite in the data folder.</summary>
    public static string DatabaseSetting(DatabaseTarget database) =>
        database.Engine == DatabaseEngine.Sqlite ? "" : database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", DataFolder);
        builder.UseSetting(PlatformOptions.DatabaseEnvironmentVariable, databaseSetting);
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<PasswordHasherOptions>(TestPasswords.Configure);
        });
    }

    /// <summary>Saves a new item, or loads a saved one, applies <paramref name="change"/> and saves it, as an editor would.</summary>
    public async Task<T> SaveAsync<T>(T item, Action<T>? change = null) where T : ContentItem
    {
        await using var scope = Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        ContentItem target = item;
        if (item.Id != 0)
        {
            target = (await store.LoadForEditAsync(item.Id))!;
            change?.Invoke((T)target);
        }
        var result = await store.SaveAsync(target, "test", target.Version);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return (T)target;
    }

    public const string EditorPassword = "een lange zin als wachtwoord";

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public HttpClient NewBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<Editor> CreateEditorAsync(string email, string? role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        var editor = new Editor { UserName = email, Email = email, DisplayName = email.Split('@')[0], EmailConfirmed = true };
        var created = await users.CreateAsync(editor, EditorPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (role is not null)
            await users.AddToRoleAsync(editor, role);
        return editor;
    }

    /// <summary>The antiforgery token of the first form on a page, as a browser would send it back.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var document = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(await client.GetStringAsync(path));
        return document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var token = await TokenAsync(client, "/beheer/inloggen");
        return await client.PostAsync("/beheer/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>A new account with <paramref name="role"/>, signed in.</summary>
    public async Task<(HttpClient Browser, Editor Editor)> SignedInAsync(string role)
    {
        var editor = await CreateEditorAsync($"{role}-{Guid.NewGuid():N}@example.org", role);
        var browser = NewBrowser();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await SignInAsync(browser, editor.Email!, EditorPassword)).StatusCode);
        return (browser, editor);
    }

    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (ownsDatabase)
            TestEngine.Drop(Database);
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// A site whose content database sends its commands past <see cref="Interceptor"/>, on either engine: for tests that make
/// a write fail as a crash or a full disk would.
/// </summary>
public class InterceptedSiteFactory(Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor interceptor) : SiteFactory
{
    public Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor Interceptor => interceptor;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteContentDb>(options => options.AddInterceptors(interceptor));
            services.ConfigureDbContext<PostgreSqlContentDb>(options => options.AddInterceptors(interceptor));
        });
    }
}

/// <summary>
/// Password hashing in test hosts: the product's algorithm and hash format with far fewer rounds, so creating and signing
/// in hundreds of test accounts does not spend minutes of CPU on key stretching. Never used outside tests.
/// </summary>
public static class TestPasswords
{
    public const int IterationCount = 1_000;

    public static void Configure(PasswordHasherOptions options) => options.IterationCount = IterationCount;

    public static PasswordHasher<Editor> Hasher() => new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = IterationCount }));
}

public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, int expectedStatus = 200)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{url}: expected {expectedStatus}, got {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(body);
    }

    public static string Text(this IHtmlDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"No element matches '{selector}'.");

    /// <summary>Posts a form's hidden fields to its action, as pressing its only button would.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, AngleSharp.Dom.IElement form) =>
        client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
            form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!))));

    public static List<string> Links(this IHtmlDocument document, string selector) =>
        document.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!).ToList();
}
