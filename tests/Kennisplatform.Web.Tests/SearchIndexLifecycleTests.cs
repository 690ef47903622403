using System.Net.Http.Json;
using System.Text.Json;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Kennisplatform.Web.Tests;

/// <summary>The index is derived data: missing, corrupt or stale, it is put right on start.</summary>
public class SearchIndexLifecycleTests : IDisposable
{
    private readonly string data;
    private readonly DatabaseTarget database;

    public SearchIndexLifecycleTests()
    {
        data = Directory.CreateTempSubdirectory("kp-life-").FullName;
        database = TestEngine.NewDatabase(data);
    }

    public void Dispose()
    {
        TestEngine.Drop(database);
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }

    private sealed class FolderFactory(string folder, DatabaseTarget database) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("data", folder);
            builder.UseSetting(Hosting.PlatformOptions.DatabaseEnvironmentVariable, SiteFactory.DatabaseSetting(database));
            builder.UseEnvironment("Production");
        }
    }

    private async Task<JsonElement> SearchAsync(string query)
    {
        await using var factory = new FolderFactory(data, database);
        return await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + query);
    }

    private async Task<int> CountAsync(string query) => (await SearchAsync(query)).GetProperty("total").GetInt32();

    /// <summary>Hits whose title holds the query: a rare compound also lists items that share a part of it, lower.</summary>
    private async Task<int> TitledAsync(string query) => (await SearchAsync(query)).GetProperty("items").EnumerateArray()
        .Count(i => i.GetProperty("title").GetString()!.Contains(query, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task Corrupt_index_is_rebuilt_on_start()
    {
        Assert.True(await CountAsync("taalcafe") > 0);
        foreach (var file in Directory.GetFiles(Path.Combine(data, "index")))
            File.WriteAllBytes(file, [1, 2, 3, 4]);
        Assert.True(await CountAsync("taalcafe") > 0);
    }

    [Fact]
    public async Task Index_older_than_the_database_catches_up_on_start()
    {
        Assert.Equal(0, await TitledAsync("stoepkrijt"));

        // Change the database while no site runs, as a second node or a restore would.
        await using (var db = ContentDb.Open(database))
        {
            var item = new Case { Title = "Stoepkrijt op het plein", Outcome = CaseOutcome.Succeeded };
            item.Publish(DateTime.UtcNow.AddMinutes(-1));
            Assert.Equal(SaveOutcome.Saved, (await new ContentStore(db, TimeProvider.System).SaveAsync(item, "test", 0)).Outcome);
        }
        Assert.Equal(1, await TitledAsync("stoepkrijt"));
    }
}
