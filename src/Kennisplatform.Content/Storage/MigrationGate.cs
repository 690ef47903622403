using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Storage;

/// <summary>
/// One migrator at a time per database, with a lock that dies with its process. EF Core's own migration lock on
/// SQLite is a row in <c>__EFMigrationsLock</c>: a process killed while holding it leaves the row, and every later
/// migration then waits for it forever. Every migrator here first takes an operating-system lock on a file beside the
/// database (an flock, released by the kernel when the process ends, however it ends) and holds it while EF holds its
/// row; so a row found while holding the file lock was left by a process that died, and is cleared.
/// </summary>
public static class MigrationGate
{
    public const string EfLockTable = "__EFMigrationsLock";
    public const string LockFileSuffix = ".migrate-lock";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits for the gate of <paramref name="db"/>'s database; dispose the result to leave it.</summary>
    public static async Task<IAsyncDisposable> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        // Other providers keep EF Core's own lock, which their server releases when the connection drops.
        if (!db.Database.IsSqlite() || LockFileOf(db) is not { } path)
            return NoGate.Instance;
        FileStream? file;
        while ((file = TryLock(path)) is null)
            await Task.Delay(Poll, cancellationToken);
        try
        {
            var tables = await db.Database.SqlQueryRaw<long>(
                "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}", EfLockTable).SingleAsync(cancellationToken);
            if (tables > 0)
                await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{EfLockTable}\"", cancellationToken);
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The lock file beside the database file, or null for an in-memory database.</summary>
    public static string? LockFileOf(DbContext db)
    {
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return source.Length == 0 || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null : Path.GetFullPath(source) + LockFileSuffix;
    }

    private static FileStream? TryLock(string path)
    {
        try
        {
            // On Linux and macOS .NET turns FileShare.None into an flock; on Windows it is an exclusive open.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed class NoGate : IAsyncDisposable
    {
        public static readonly NoGate Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
