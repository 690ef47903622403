using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Changes;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Search.Querying;
using Kennisplatform.Web.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// One node's index following saves made elsewhere (another node, or a transaction that commits late). The node polls
/// only when told to, so every step is deterministic: the test calls <see cref="SearchIndexer.CatchUpAsync"/> itself.
/// </summary>
public class NodeCatchUpTests(NodeCatchUpTests.Factory factory) : IClassFixture<NodeCatchUpTests.Factory>
{
    public sealed class Factory : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting($"{IndexingOptions.Section}:PollInterval", "01:00:00");
            builder.UseSetting("Kennisplatform:NodeName", "knoop-a");
        }
    }

    private SearchIndexer Indexer => factory.Services.GetRequiredService<SearchIndexer>();
    private DateTime Now => factory.Clock.Now.UtcDateTime;

    private bool Finds(string word) => Indexer.Search.Search(new SearchRequest { Text = word, Correct = false }).Total > 0;

    /// <summary>A draft saved by "another node": through a store that raises no signal in this process.</summary>
    private async Task<int> SaveElsewhereAsync(string title)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var item = new Case { Title = title, Outcome = CaseOutcome.Succeeded, Summary = "Test" };
        var saved = await new ContentStore(scope.ServiceProvider.GetRequiredService<ContentDb>(), factory.Clock).SaveAsync(item, "elders", 0);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        return item.Id;
    }

    /// <summary>Publishes an item and logs the change with <paramref name="changeId"/>, in one transaction, as a save would.</summary>
    private async Task PublishWithChangeIdAsync(int itemId, long changeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        (await db.Items.SingleAsync(i => i.Id == itemId)).Publish(Now.AddMinutes(-1));
        db.Changes.Add(new ContentChange { Id = changeId, ItemId = itemId, At = Now });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Takes <paramref name="count"/> change-log ids the way saves take them, without writing rows yet: from PostgreSQL's
    /// sequence, or the next numbers on SQLite (whose AUTOINCREMENT then continues after the highest row written).
    /// </summary>
    private async Task<long[]> ReserveChangeIdsAsync(int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
        if (db.Database.IsSqlite())
        {
            var last = await db.Changes.MaxAsync(c => c.Id);
            return Enumerable.Range(1, count).Select(i => last + i).ToArray();
        }
        var ids = new long[count];
        for (var i = 0; i < count; i++)
            ids[i] = (await db.Database.SqlQueryRaw<long>("SELECT nextval(pg_get_serial_sequence('\"Changes\"', 'Id')) AS \"Value\"").ToListAsync())[0];
        return ids;
    }

    [Fact]
    public async Task Save_on_another_node_reaches_this_index_at_the_next_catch_up()
    {
        await SaveElsewhereAsync("Stoepkrijtfeest in de Vogelbuurt");
        var id = await SaveElsewhereAsync("Stoepkrijtfeest gepubliceerd");
        await PublishWithChangeIdAsync(id, (await ReserveChangeIdsAsync(1))[0]);
        Assert.False(Finds("stoepkrijtfeest"));

        await Indexer.CatchUpAsync(CancellationToken.None);
        Assert.True(Finds("stoepkrijtfeest"));
    }

    [Fact]
    public async Task Change_whose_id_commits_after_a_higher_one_is_not_skipped()
    {
        var early = await SaveElsewhereAsync("Vroege knikkerbaan");
        var late = await SaveElsewhereAsync("Late jeu-de-boulesbaan");
        await Indexer.CatchUpAsync(CancellationToken.None);
        var ids = await ReserveChangeIdsAsync(2);

        // The save holding the lower id commits last, as PostgreSQL allows.
        await PublishWithChangeIdAsync(early, ids[1]);
        await Indexer.CatchUpAsync(CancellationToken.None);
        Assert.True(Finds("knikkerbaan"));
        Assert.False(Finds("boulesbaan"));
        Assert.Equal(ids[0] - 1, Indexer.Position.Settled);

        await PublishWithChangeIdAsync(late, ids[0]);
        await Indexer.CatchUpAsync(CancellationToken.None);
        Assert.True(Finds("boulesbaan"));
        Assert.Equal(ids[1], Indexer.Position.Settled);
    }

    [Fact]
    public async Task Status_reports_the_node_its_database_index_and_what_it_has_not_applied()
    {
        await Indexer.CatchUpAsync(CancellationToken.None);
        var client = factory.CreatePlainClient();
        var before = await StatusAsync(client, HttpStatusCode.OK);
        Assert.Equal("knoop-a", before.GetProperty("node").GetString());
        Assert.True(before.GetProperty("healthy").GetBoolean());
        Assert.True(before.GetProperty("database").GetProperty("reachable").GetBoolean());
        Assert.True(before.GetProperty("search").GetProperty("documents").GetInt32() > 0);
        Assert.Equal(0, before.GetProperty("search").GetProperty("changesBehind").GetInt32());
        Assert.Equal(JsonValueKind.Number, before.GetProperty("mail").GetProperty("waiting").ValueKind);

        await SaveElsewhereAsync("Nog niet verwerkt");
        var behind = await StatusAsync(client, HttpStatusCode.OK);
        Assert.Equal(1, behind.GetProperty("search").GetProperty("changesBehind").GetInt32());

        await Indexer.CatchUpAsync(CancellationToken.None);
        var after = await StatusAsync(client, HttpStatusCode.OK);
        Assert.Equal(0, after.GetProperty("search").GetProperty("changesBehind").GetInt32());
        Assert.True(after.GetProperty("search").GetProperty("generation").GetInt64() > behind.GetProperty("search").GetProperty("generation").GetInt64());
    }

    internal static async Task<JsonElement> StatusAsync(HttpClient client, HttpStatusCode expected)
    {
        using var response = await client.GetAsync("/status");
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
