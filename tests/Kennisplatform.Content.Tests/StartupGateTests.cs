using Kennisplatform.Content.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Tests;

/// <summary>
/// The one lock around start-up work (<see cref="DatabaseSetup.RunExclusiveAsync"/>): one holder at a time per database,
/// every migration inside it, and on SQLite a migration lock row that a killed process left is cleared on the way in.
/// </summary>
public sealed class StartupGateTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kp-gate-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Migrating_outside_the_gate_is_refused()
    {
        await using var db = ContentDb.Open(DatabaseTarget.Sqlite(Path.Combine(folder, "buiten.db")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseSetup.MigrateAsync(db));
        Assert.False(File.Exists(Path.Combine(folder, "buiten.db")));
    }

    [Fact]
    public async Task A_second_holder_waits_until_the_first_leaves_and_the_first_may_enter_again()
    {
        var target = Kennisplatform.Testing.TestEngine.NewDatabase(folder);
        try
        {
            var firstInside = new TaskCompletionSource();
            var firstMayLeave = new TaskCompletionSource();
            var order = new List<string>();
            var first = DatabaseSetup.RunExclusiveAsync(target, async () =>
            {
                // Work inside the gate that enters it again (the site's start-up calls verbs' helpers) does not wait for itself.
                await DatabaseSetup.RunExclusiveAsync(target, () => Task.CompletedTask);
                lock (order) order.Add("first in");
                firstInside.SetResult();
                await firstMayLeave.Task;
                lock (order) order.Add("first out");
            });
            await firstInside.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var second = Task.Run(() => DatabaseSetup.RunExclusiveAsync(target, () =>
            {
                lock (order) order.Add("second in");
                return Task.CompletedTask;
            }));
            await Task.Delay(300);
            Assert.False(second.IsCompleted, "the second holder got in while the first was inside");
            firstMayLeave.SetResult();
            await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(["first in", "first out", "second in"], order);
        }
        finally
        {
            Kennisplatform.Testing.TestEngine.Drop(target);
        }
    }

    [Fact]
    public async Task A_migration_lock_row_left_by_a_killed_migrator_is_cleared_on_entering_the_gate()
    {
        var target = DatabaseTarget.Sqlite(Path.Combine(folder, "kennisplatform.db"));
        await using (var db = ContentDb.Open(target))
        {
            // EF Core's own migration (as a killed process began it) makes the lock table; the row is what the kill leaves.
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-29 07:22:34+00:00')");
        }

        await using (var db = ContentDb.Open(target))
        {
            var migrated = DatabaseSetup.RunExclusiveAsync(target, () => DatabaseSetup.MigrateAsync(db));
            // EF Core waits for its lock row forever; the gate must have cleared it.
            await migrated.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsLock\"").SingleAsync());
        }
    }
}
