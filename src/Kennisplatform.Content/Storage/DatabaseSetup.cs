using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Storage;

public static class DatabaseSetup
{
    /// <summary>The database whose <see cref="MigrationGate"/> this flow of work holds, if any.</summary>
    private static readonly AsyncLocal<DatabaseTarget?> Held = new();

    /// <summary>
    /// Runs <paramref name="work"/> (migrations, seed import, other one-time work) while no other process or node runs
    /// its own on the same database: of three nodes starting together one migrates and imports, and the others wait,
    /// then find the work done. A missing PostgreSQL database is created first. The lock dies with its process
    /// (<see cref="MigrationGate"/>), so a start killed half-way never blocks the next.
    /// </summary>
    public static async Task RunExclusiveAsync(DatabaseTarget target, Func<Task> work, CancellationToken cancellationToken = default)
    {
        if (Held.Value == target)
        {
            await work(); // already inside this database's gate: entering again would wait for ourselves
            return;
        }
        await using (await MigrationGate.EnterAsync(target, cancellationToken))
        {
            Held.Value = target;
            await work();
        }
    }

    /// <summary>
    /// Applies the checked-in migrations of <paramref name="db"/> (content or accounts) and switches SQLite to
    /// write-ahead logging, so readers never wait for a writer. Only inside <see cref="RunExclusiveAsync"/>: the gate
    /// clears a migration lock that a killed process left, which is safe only while every migrator holds the gate.
    /// </summary>
    public static async Task MigrateAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        if (Held.Value is null)
            throw new InvalidOperationException($"Migrations run inside {nameof(DatabaseSetup)}.{nameof(RunExclusiveAsync)}.");
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
