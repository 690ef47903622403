using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Changes;

/// <summary>
/// Which transactions may still commit, asked of the database. PostgreSQL numbers transactions; its current snapshot
/// names the next number to be given out (xmax) and the oldest one still running (xmin, or xmax when none runs).
/// A save writes its item before its change-log row, so it holds a transaction number before it takes a change id.
/// SQLite lets one writer at a time hold the database until it commits: no transaction is ever "still running"
/// from another writer's point of view.
/// </summary>
internal static class TransactionHorizon
{
    private const string PostgreSql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>A number above every transaction that has started so far.</summary>
    public static Task<long> NextAsync(ContentDb db, CancellationToken cancellationToken) =>
        db.Database.ProviderName == PostgreSql
            ? ScalarAsync(db, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS \"Value\"", cancellationToken)
            : Task.FromResult(0L);

    /// <summary>Every transaction numbered below this has ended.</summary>
    public static Task<long> OldestRunningAsync(ContentDb db, CancellationToken cancellationToken) =>
        db.Database.ProviderName == PostgreSql
            ? ScalarAsync(db, "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS \"Value\"", cancellationToken)
            : Task.FromResult(long.MaxValue);

    private static async Task<long> ScalarAsync(ContentDb db, string sql, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<long>(sql).ToListAsync(cancellationToken))[0];
}
