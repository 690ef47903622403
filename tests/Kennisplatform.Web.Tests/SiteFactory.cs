using AngleSharp.Html.Dom;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>The real app with its own data folder (so a fresh database with the seed content) and a clock the test controls.</summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("kp-web-").FullName;
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", DataFolder);
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
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

    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
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

    public static List<string> Links(this IHtmlDocument document, string selector) =>
        document.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!).ToList();
}
