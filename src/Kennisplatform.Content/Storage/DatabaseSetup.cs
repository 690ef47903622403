using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kennisplatform.Content.Storage;

public static class DatabaseSetup
{
    /// <summary>The PostgreSQL advisory lock that start-up work holds; any fixed number, the same on every node.</summary>
    public const long StartupLockKey = 0x4B50_5354_4152_54; // "KPSTART"

    /// <summary>
    /// Applies the checked-in migrations of <paramref name="db"/> (content or accounts) inside the
    /// <see cref="MigrationGate"/>, so no start or verb killed half-way can block the next one, and switches SQLite to
    /// write-ahead logging, so readers never wait for a writer.
    /// </summary>
    public static async Task MigrateAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        await using (await MigrationGate.EnterAsync(db, cancellationToken))
            await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> (migrations, seed import, other one-time work) while no other node runs its own:
    /// on PostgreSQL under a session advisory lock, so of three nodes starting together one migrates and imports and
    /// the others wait, then find the work done. A missing PostgreSQL database is created first. On SQLite the same
    /// holds through an exclusive lock on a file beside the database, which the system releases if the process dies.
    /// </summary>
    public static async Task RunExclusiveAsync(DatabaseTarget target, Func<Task> work, CancellationToken cancellationToken = default)
    {
        if (target.Engine == DatabaseEngine.Sqlite)
        {
            var file = Path.GetFullPath(target.SqliteFile);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await using var held = await LockFileAsync(file + ".start-lock", cancellationToken);
            await work();
            return;
        }
        await EnsureDatabaseExistsAsync(target, cancellationToken);
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", StartupLockKey);
            take.CommandTimeout = 0; // wait as long as another node needs for its migrations
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            await work();
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", StartupLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<FileStream> LockFileAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // On Linux and macOS .NET turns FileShare.None into an flock, which other processes and other opens see.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>Creates an empty PostgreSQL database when it does not exist; a node that loses the race to create it carries on.</summary>
    public static async Task EnsureDatabaseExistsAsync(DatabaseTarget target, CancellationToken cancellationToken = default)
    {
        if (target.Engine != DatabaseEngine.PostgreSql)
            return;
        await using var db = ContentDb.Open(target);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
            return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another node created it a moment ago.
        }
        NpgsqlConnection.ClearAllPools();
    }
}
