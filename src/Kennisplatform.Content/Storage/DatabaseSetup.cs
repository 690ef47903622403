using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Storage;

public static class DatabaseSetup
{
    /// <summary>Applies the checked-in migrations and switches SQLite to write-ahead logging, so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(ContentDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
