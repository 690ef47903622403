using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Changes;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Search.Querying;
using Kennisplatform.Testing;
using Kennisplatform.Web.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>Runs only when the test run's engine is PostgreSQL (tools/with-postgres.sh); shown as skipped on SQLite.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute(string why = "SQLite has one writer at a time, so its change-log ids always commit in order.")
    {
        if (TestEngine.Engine != Content.Storage.DatabaseEngine.PostgreSql)
            Skip = $"Needs PostgreSQL: {why}";
    }
}

/// <summary>
/// Real concurrent transactions on PostgreSQL: a save that took a lower change-log id commits after one that took a
/// higher id, and stays open long past the grace period (set to zero here). The index must wait for it, not skip it.
/// </summary>
public class LateCommitTests(LateCommitTests.Factory factory) : IClassFixture<LateCommitTests.Factory>
{
    public sealed class Factory : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting($"{IndexingOptions.Section}:PollInterval", "01:00:00");
            builder.UseSetting($"{IndexingOptions.Section}:LateChangeGrace", "00:00:00");
        }
    }

    private SearchIndexer Indexer => factory.Services.GetRequiredService<SearchIndexer>();

    private bool Finds(string word) => Indexer.Search.Search(new SearchRequest { Text = word, Correct = false }).Total > 0;

    private async Task<int> DraftAsync(string title)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var item = new Case { Title = title, Outcome = CaseOutcome.Succeeded, Summary = "Test" };
        Assert.Equal(SaveOutcome.Saved, (await new ContentStore(scope.ServiceProvider.GetRequiredService<ContentDb>(), factory.Clock).SaveAsync(item, "elders", 0)).Outcome);
        return item.Id;
    }

    /// <summary>Publishes the item and writes its change-log row (id from the database), leaving the transaction open.</summary>
    private static async Task<long> PublishUncommittedAsync(ContentDb db, int itemId, DateTime now)
    {
        (await db.Items.SingleAsync(i => i.Id == itemId)).Publish(now.AddMinutes(-1));
        var change = new ContentChange { ItemId = itemId, At = now };
        db.Changes.Add(change);
        await db.SaveChangesAsync();
        return change.Id;
    }

    [PostgreSqlFact]
    public async Task Lower_id_held_by_a_long_open_transaction_is_applied_when_it_commits()
    {
        var slow = await DraftAsync("Trage plonkertuin");
        var quick = await DraftAsync("Snelle zwiepvlonder");
        await Indexer.CatchUpAsync(CancellationToken.None);
        var now = factory.Clock.Now.UtcDateTime;

        await using var slowScope = factory.Services.CreateAsyncScope();
        var slowDb = slowScope.ServiceProvider.GetRequiredService<ContentDb>();
        await using var slowTransaction = await slowDb.Database.BeginTransactionAsync();
        var slowId = await PublishUncommittedAsync(slowDb, slow, now);

        await using (var quickScope = factory.Services.CreateAsyncScope())
        {
            var quickDb = quickScope.ServiceProvider.GetRequiredService<ContentDb>();
            await using var quickTransaction = await quickDb.Database.BeginTransactionAsync();
            var quickId = await PublishUncommittedAsync(quickDb, quick, now);
            Assert.True(quickId > slowId);
            await quickTransaction.CommitAsync();
        }

        // Several rounds past a zero grace period: the gap gets its fence, but the open transaction keeps it open.
        for (var round = 0; round < 3; round++)
        {
            factory.Clock.Now = factory.Clock.Now.AddMinutes(1);
            await Indexer.CatchUpAsync(CancellationToken.None);
        }
        Assert.True(Finds("zwiepvlonder"));
        Assert.False(Finds("plonkertuin"));
        Assert.Equal(slowId - 1, Indexer.Position.Settled);
        Assert.NotNull(Assert.Single(Indexer.Position.Gaps).Fence);

        await slowTransaction.CommitAsync();
        await Indexer.CatchUpAsync(CancellationToken.None);
        Assert.True(Finds("plonkertuin"));
        Assert.Empty(Indexer.Position.Gaps);
    }

    [PostgreSqlFact]
    public async Task Id_of_a_rolled_back_save_is_given_up_once_no_transaction_can_hold_it()
    {
        var rolledBack = await DraftAsync("Teruggedraaide zwiepschommel");
        var kept = await DraftAsync("Bewaarde klapbankjesrij");
        await Indexer.CatchUpAsync(CancellationToken.None);
        var now = factory.Clock.Now.UtcDateTime;

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await PublishUncommittedAsync(db, rolledBack, now);
            await transaction.RollbackAsync();
        }
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await PublishUncommittedAsync(db, kept, now);
            await transaction.CommitAsync();
        }

        // The first round sees the gap and gives it a fence (grace zero); a later one closes it once no transaction below
        // the fence runs (other tests on the same server may hold one for a moment).
        await Indexer.CatchUpAsync(CancellationToken.None);
        for (var round = 0; round < 100 && !Indexer.Position.Gaps.IsEmpty; round++)
        {
            await Task.Delay(50);
            await Indexer.CatchUpAsync(CancellationToken.None);
        }
        Assert.True(Finds("klapbankjesrij"));
        Assert.False(Finds("zwiepschommel"));
        Assert.Empty(Indexer.Position.Gaps);
    }
}
