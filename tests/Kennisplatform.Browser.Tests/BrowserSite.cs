using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kennisplatform.Browser.Tests;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 with a fresh data folder, and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: it is pointed at /usr/bin/chromium.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public static readonly string[] ChromiumFlags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly string data = Directory.CreateTempSubdirectory("kp-browser-").FullName;
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public IServiceProvider Services => factory!.Services;

    public async Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("data", data);
            builder.UseEnvironment("Production");
            // The product's password hashing with far fewer rounds: every test signs in accounts of its own.
            builder.ConfigureTestServices(services => services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(options => options.IterationCount = 1_000));
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        await AddWaitingTrialReportAsync();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Tools.Chromium,
            Args = ChromiumFlags,
            Headless = true,
        });
    }

    /// <summary>One "ook geprobeerd" report waiting for an editor, so the moderation page shows its full markup.</summary>
    private async Task AddWaitingTrialReportAsync()
    {
        await using var scope = factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Kennisplatform.Content.Storage.ContentDb>();
        var item = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Items, i => i.Slug == "taalcafe");
        await scope.ServiceProvider.GetRequiredService<Kennisplatform.Web.Trials.TrialDesk>().ReportAsync(item.Id, new Kennisplatform.Content.Trials.TrialReport
        {
            Municipality = "Zaanstad", Year = 2025, Month = 4, Result = Kennisplatform.Content.Trials.TrialResult.Partly,
            Reason = "Goed bezocht, maar de vrijwilligers gingen lesgeven.", ReporterName = "Bram Browser", ReporterEmail = "bram@example.org",
        }, default);
    }

    public async Task<IPage> OpenAsync(string path, int width = 1280)
    {
        // The site's Content-Security-Policy forbids injected scripts; only the test's own tooling (axe) needs this bypass.
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "nl-NL", BypassCSP = true });
        var response = await page.GotoAsync(BaseUrl + path);
        Assert.NotNull(response);
        return page;
    }

    /// <summary>A new account with <paramref name="role"/>, signed in through the sign-in form in its own browser context.</summary>
    public async Task<IBrowserContext> SignedInContextAsync(string role) => (await SignedInAsync(role, BaseUrl)).Context;

    public const string Password = "een lange zin als wachtwoord";

    /// <summary>
    /// A new account with <paramref name="role"/>, signed in at <paramref name="origin"/> (the site's own address, or
    /// the same server by another name, such as localhost for WebAuthn, which does not accept an IP address).
    /// </summary>
    public async Task<(IBrowserContext Context, Kennisplatform.Web.Accounts.Editor Editor)> SignedInAsync(string role, string origin)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.org";
        const string password = Password;
        Kennisplatform.Web.Accounts.Editor editor;
        await using (var scope = factory!.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Kennisplatform.Web.Accounts.Editor>>();
            editor = new Kennisplatform.Web.Accounts.Editor { UserName = email, Email = email, DisplayName = role + " test", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(editor, password)).Succeeded);
            await users.AddToRoleAsync(editor, role);
        }
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "nl-NL", BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(origin + "/beheer/inloggen");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("form.login-form button[type=submit]");
        await page.WaitForURLAsync("**/beheer");
        await page.CloseAsync();
        return (context, editor);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        Http?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Where the tools are. A missing tool fails the test with a message that says how to install it.</summary>
public static class Tools
{
    public const string Chromium = "/usr/bin/chromium";

    public static string Repository() =>
        Kennisplatform.Web.Hosting.SiteFolders.RepositoryRoot() ?? throw new InvalidOperationException("Kennisplatform.sln not found");

    public static string NodeModule(params string[] path)
    {
        var full = Path.Combine([Repository(), "node_modules", .. path]);
        if (!File.Exists(full))
            throw new InvalidOperationException($"{full} is missing: run 'npm ci' in the repository (bash .ci/run does).");
        return full;
    }
}

/// <summary>One page of every kind the site has, with the path to open.</summary>
public static class PageTypes
{
    public static readonly TheoryData<string> All = new(Paths());

    public static string[] Paths() =>
    [
        "/",
        "/praktijkvoorbeelden",
        "/praktijkvoorbeelden?uitkomst=mislukt&thema=jeugd-en-onderwijs",
        "/praktijkvoorbeelden?evaluatie=extern&jaar=2022&gemeente=Utrecht",
        "/interventies?kosten=laag&bewijs=goed-beschreven",
        "/wijkschakelaars?gemeente=Arnhem",
        "/bijeenkomsten?vorm=online&wanneer=komend",
        "/praktijkvoorbeelden/jongerenraad-zonder-jongeren",
        "/praktijkvoorbeelden/buurtkamer-de-linde",
        "/interventies",
        "/interventies/taalcafe",
        "/wijkschakelaars",
        "/wijkschakelaars/fatima-buurtmoeder",
        "/bijeenkomsten",
        "/bijeenkomsten/venserpolder-dialogen",
        "/instrumenten",
        "/instrumenten/buurtagenda-samen-maken",
        "/principes",
        "/principes/kennis-van-de-buurt",
        "/themas",
        "/themas/eenzaamheid",
        "/faalpatronen",
        "/faalpatronen/gemeente-beslist-voor-bewoners",
        "/faalpatronen/succes-te-vroeg-gemeten",
        "/praktijkvoorbeelden?faalpatroon=steeds-dezelfde-bewoners",
        "/zoeken?q=wijk&faalpatroon=hulp-erachter-is-er-niet-klaar-voor",
        "/voordat-je-begint",
        "/praktijkvoorbeelden/wandelgroep-die-stopte",
        "/praktijkvoorbeelden/wandelgroep-die-stopte/vervolg",
        "/praktijkvoorbeelden?vervolg=ja",
        "/voordat-je-begint?thema=gezondheid-en-vitaliteit",
        "/voordat-je-begint?thema=veiligheid&gemeente=Leeuwarden",
        "/voordat-je-begint?interventie=bestaat-niet",
        "/over",
        "/toegankelijkheid",
        "/privacy",
        "/zoeken",
        "/zoeken?q=schakelaar&soort=wijkschakelaar",
        "/zoeken?q=eenzaamhied",
        "/zoeken?q=xqzwv",
        "/downloads",
        "/api",
        "/bestaat-niet",
        "/beheer/inloggen",
        "/deel-je-ervaring",
        "/deel-je-ervaring/bedankt",
        "/contact",
        "/wijkschakelaars/fatima-buurtmoeder/vraag",
        "/praktijkvoorbeelden/buurtkamer-de-linde/vraag",
        "/interventies/taalcafe/geprobeerd",
        "/praktijkvoorbeelden/buurtkamer-de-linde/geprobeerd?verstuurd=true",
        "/bijeenkomsten/voorbeeld-participatieavond-kruidenwijk",
        "/bijeenkomsten/voorbeeld-participatieavond-kruidenwijk/aanmelden",
        "/bijeenkomsten/afmelden?code=onbekend",
        "/op-de-hoogte?thema=eenzaamheid",
        "/op-de-hoogte/afmelden?code=onbekend",
        "/beheer/wachtwoord-vergeten",
        "/beheer/wachtwoord-herstellen?gebruiker=x&code=y",
        "/bewijskracht",
        "/vergelijken",
        "/vergelijken?i=taalcafe&i=buurtkamer&i=schuldhulp-aan-de-keukentafel",
        "/vergelijken?i=taalcafe&i=bestaat-niet",
        "/selectie",
        "/selectie?praktijkvoorbeeld=buurtkamer-de-linde&interventie=taalcafe&wijkschakelaar=henk-bewonersvereniging&instrument=buurtagenda-samen-maken",
        "/gemeenten",
        "/gemeenten/rotterdam",
        "/gemeenten/rotterdam/hillesluis",
    ];
}
