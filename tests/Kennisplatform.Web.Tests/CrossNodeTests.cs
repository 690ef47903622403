using System.Net.Http.Json;
using System.Text.Json;
using Kennisplatform.Content.Cases;
using Kennisplatform.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// Two nodes in one test: the class's site (node A) and a second host with its own data folder (so its own index and
/// output cache) on the same database (node B). What is saved on A must show on B, cached pages included.
/// </summary>
public class CrossNodeTests(CrossNodeTests.Factory nodeA) : IClassFixture<CrossNodeTests.Factory>, IDisposable
{
    public sealed class Factory : SiteFactory;

    /// <summary>Another node of the same site: its own data folder, the first node's database, its own clock.</summary>
    private sealed class SecondNode(SiteFactory first) : WebApplicationFactory<Program>
    {
        public string DataFolder { get; } = Directory.CreateTempSubdirectory("kp-node-b-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("data", DataFolder);
            // Named explicitly even for SQLite: the first node's file, not one in this node's own data folder.
            builder.UseSetting(PlatformOptions.DatabaseEnvironmentVariable, first.Database.ConnectionString);
            builder.UseSetting(SiteStatus.NodeNameKey, "knoop-b");
            builder.UseEnvironment("Production");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(first.Clock);
                services.Configure<PasswordHasherOptions>(TestPasswords.Configure);
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
        }
    }

    private readonly SecondNode nodeB = new(nodeA);

    public void Dispose() => nodeB.Dispose();

    private DateTime Now => nodeA.Clock.Now.UtcDateTime;

    private static async Task<string> UntilAsync(HttpClient client, string path, string expected)
    {
        var limit = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (body.Contains(expected, StringComparison.Ordinal))
                return body;
            if (DateTime.UtcNow > limit)
                throw new Xunit.Sdk.XunitException($"{path} on the other node still lacks '{expected}' after 10 s.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Page_cached_on_one_node_shows_a_save_made_on_another()
    {
        var item = new Case { Title = "Buurtbios in het wijkcentrum", Outcome = CaseOutcome.Succeeded, Summary = "Eerste samenvatting." };
        item.Publish(Now.AddMinutes(-1));
        item = await nodeA.SaveAsync(item);

        var visitorB = nodeB.CreateClient();
        Assert.Contains("Eerste samenvatting.", await UntilAsync(visitorB, "/praktijkvoorbeelden/buurtbios-in-het-wijkcentrum", "Eerste samenvatting."));
        var overview = await visitorB.GetStringAsync("/praktijkvoorbeelden"); // now in B's cache, without the next item

        await nodeA.SaveAsync(item, c => c.Summary = "Tweede samenvatting.");
        var next = new Case { Title = "Straatspeeldag in de Tuinstraat", Outcome = CaseOutcome.Succeeded, Summary = "Nieuw." };
        next.Publish(Now.AddMinutes(-1));
        await nodeA.SaveAsync(next);

        Assert.DoesNotContain("Straatspeeldag", overview);
        await UntilAsync(visitorB, "/praktijkvoorbeelden/buurtbios-in-het-wijkcentrum", "Tweede samenvatting.");
        await UntilAsync(visitorB, "/praktijkvoorbeelden", "Straatspeeldag in de Tuinstraat");
        await UntilAsync(visitorB, "/api/v1/search?q=straatspeeldag", "straatspeeldag-in-de-tuinstraat");
    }

    [Fact]
    public async Task Each_node_reports_itself_on_status()
    {
        var a = await nodeA.CreatePlainClient().GetFromJsonAsync<JsonElement>("/status");
        var b = await nodeB.CreateClient().GetFromJsonAsync<JsonElement>("/status");
        Assert.Equal("knoop-b", b.GetProperty("node").GetString());
        Assert.NotEqual(a.GetProperty("node").GetString(), b.GetProperty("node").GetString());
        Assert.True(b.GetProperty("search").GetProperty("documents").GetInt32() > 0);
    }
}
