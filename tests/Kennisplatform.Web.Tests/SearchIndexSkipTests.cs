using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Kennisplatform.Content.Cases;
using Kennisplatform.Web.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>An item whose search document cannot be built is skipped, logged and counted; the rest is indexed.</summary>
public class SearchIndexSkipTests(SearchIndexSkipTests.Factory factory) : IClassFixture<SearchIndexSkipTests.Factory>
{
    /// <summary>The real site, except that building the document of an item titled "Onbouwbaar …" throws.</summary>
    public sealed class Factory : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<BuildSearchDocument>((item, now) =>
                item.Title.StartsWith("Onbouwbaar", StringComparison.Ordinal)
                    ? throw new InvalidOperationException("This document cannot be built.")
                    : SearchDocuments.From(item, now)));
        }
    }

    private readonly HttpClient client = factory.CreatePlainClient();

    [Fact]
    public async Task A_document_that_cannot_be_built_is_skipped_and_counted_and_the_rest_of_the_batch_is_indexed()
    {
        var now = factory.Clock.Now.UtcDateTime;
        var bad = new Case { Title = "Onbouwbaar vlierbessenproject", Outcome = CaseOutcome.Succeeded };
        bad.Publish(now.AddMinutes(-1));
        var good = new Case { Title = "Vlierbessenpluk in de Pijp", Outcome = CaseOutcome.Succeeded };
        good.Publish(now.AddMinutes(-1));
        // Saved in this order, the bad item comes first in the change log: the good one must not wait behind it.
        bad = await factory.SaveAsync(bad);
        good = await factory.SaveAsync(good);

        await WaitUntilAsync(async () => await CountAsync("pijp vlierbessenpluk") == 1);
        var status = await client.GetFromJsonAsync<JsonElement>("/status");
        Assert.Equal(1, status.GetProperty("search").GetProperty("skipped").GetInt32());
        Assert.Equal([bad.Id], status.GetProperty("search").GetProperty("skippedItems").EnumerateArray().Select(i => i.GetInt32()));
        Assert.Equal(0, await CountAsync("onbouwbaar"));

        // A rebuild skips it the same way; once the item can be built, it is indexed and no longer counted.
        Assert.True(await factory.Services.GetRequiredService<SearchIndexer>().RebuildAsync(null, CancellationToken.None) > 1);
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/status")).GetProperty("search").GetProperty("skipped").GetInt32());
        await factory.SaveAsync(bad, c => c.Title = "Vlierbessenproject dat wel lukte");
        await WaitUntilAsync(async () => await CountAsync("vlierbessenproject") == 1);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/status")).GetProperty("search").GetProperty("skipped").GetInt32());
    }

    /// <summary>Hits whose title holds the query's last word: a rare compound also lists items that share a part of it, lower.</summary>
    private async Task<int> CountAsync(string query) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString(query))).GetProperty("items").EnumerateArray()
            .Count(i => i.GetProperty("title").GetString()!.Contains(query.Split(' ')[^1], StringComparison.OrdinalIgnoreCase));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (await condition())
                return;
            await Task.Delay(50);
        }
        Assert.Fail("The indexer did not get there within 15 s.");
    }
}
