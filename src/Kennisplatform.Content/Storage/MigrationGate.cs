using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kennisplatform.Content.Storage;

/// <summary>
/// One start-up (migrations, seed import, other one-time work) at a time per database, with a lock that dies with its
/// process, so no start or verb killed half-way can block the next one.
/// PostgreSQL: a session advisory lock, which the server releases when the connection drops.
/// SQLite: an operating-system lock on a file beside the database (an flock, released by the kernel when the process
/// ends, however it ends). EF Core's own migration lock on SQLite is a row in <c>__EFMigrationsLock</c>, which a killed
/// migrator leaves behind and every later migration would wait for forever; every migrator runs inside this gate, so a
/// row found on entering it was left by a process that died, and is cleared.
/// </summary>
internal static class MigrationGate
{
    public const string LockFileSuffix = ".migrate-lock";
    private const string EfLockTable = "__EFMigrationsLock";
    /// <summary>The advisory lock's number: any fixed number, the same on every node.</summary>
    private const long PostgreSqlKey = 0x4B50_5354_4152_54; // "KPSTART"
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits for the gate of <paramref name="target"/>; dispose the result to leave it.</summary>
    public static Task<IAsyncDisposable> EnterAsync(DatabaseTarget target, CancellationToken cancellationToken) =>
        target.Engine == DatabaseEngine.Sqlite ? EnterSqliteAsync(target, cancellationToken) : EnterPostgreSqlAsync(target, cancellationToken);

    private static async Task<IAsyncDisposable> EnterSqliteAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        var source = target.SqliteFile;
        if (source.Length == 0 || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return NoGate.Instance; // no file, so no other process can open it
        var database = Path.GetFullPath(source);
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        FileStream? file;
        while ((file = TryLock(database + LockFileSuffix)) is null)
            await Task.Delay(Poll, cancellationToken);
        try
        {
            await ClearStaleEfLockAsync(target, cancellationToken);
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static FileStream? TryLock(string path)
    {
        try
        {
            // On Linux and macOS .NET turns FileShare.None into an flock, which other processes and other opens see;
            // on Windows it is an exclusive open.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task ClearStaleEfLockAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        // Unpooled, so no connection is left open on a file that a restore moves away.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        find.Parameters.AddWithValue("$name", EfLockTable);
        if ((long)(await find.ExecuteScalarAsync(cancellationToken))! == 0)
            return;
        await using var clear = connection.CreateCommand();
        clear.CommandText = $"DELETE FROM \"{EfLockTable}\"";
        await clear.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IAsyncDisposable> EnterPostgreSqlAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        await EnsureDatabaseExistsAsync(target, cancellationToken);
        var connection = new NpgsqlConnection(target.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", PostgreSqlKey);
            take.CommandTimeout = 0; // wait as long as another node needs for its migrations
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty PostgreSQL database when it does not exist; a node that loses the race to create it carries on.</summary>
    private static async Task EnsureDatabaseExistsAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
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

    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", PostgreSqlKey);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class NoGate : IAsyncDisposable
    {
        public static readonly NoGate Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
