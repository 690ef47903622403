using System.Security.Cryptography;
using System.Text;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Limits;

/// <summary>Fixed-window limits counted in the database, the same on every node.</summary>
public sealed class RateLimits(ContentDb db, TimeProvider clock)
{
    /// <summary>
    /// Counts one attempt of <paramref name="key"/> within <paramref name="scope"/> and tells whether it stays within
    /// <paramref name="limit"/> per <paramref name="window"/>. One atomic upsert, so two nodes never both take the last permit.
    /// </summary>
    public async Task<bool> TryTakeAsync(string scope, string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var ended = now - window.Ticks;
        var hashed = Hash(scope, key);
        // A key's window starts at its first attempt and, once over, starts afresh at the next. Both engines speak this
        // upsert (SQLite 3.35+, PostgreSQL 9.5+), and both evaluate every SET expression on the old row.
        var count = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "RateLimits" ("Key", "WindowStart", "Count") VALUES ({hashed}, {now}, 1)
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "RateLimits"."WindowStart" <= {ended} THEN 1 ELSE "RateLimits"."Count" + 1 END,
                "WindowStart" = CASE WHEN "RateLimits"."WindowStart" <= {ended} THEN {now} ELSE "RateLimits"."WindowStart" END
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        if (count == 1)
        {
            // A window began: forget the windows of every key that ended a day ago or more.
            var forgotten = ended - TimeSpan.TicksPerDay;
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "RateLimits" WHERE "WindowStart" < {forgotten}""", cancellationToken);
        }
        return count <= limit;
    }

    /// <summary>
    /// Whether <paramref name="key"/> has used up <paramref name="limit"/> within the current window, without counting
    /// an attempt: for limits that count failures only, asked before the attempt and taken after a failure.
    /// </summary>
    public async Task<bool> IsUsedUpAsync(string scope, string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var hashed = Hash(scope, key);
        var ended = clock.GetUtcNow().UtcTicks - window.Ticks;
        var count = await db.Database.SqlQuery<int>($"""
            SELECT "Count" AS "Value" FROM "RateLimits" WHERE "Key" = {hashed} AND "WindowStart" > {ended}
            """).ToListAsync(cancellationToken);
        return count.Count > 0 && count[0] >= limit;
    }

    private static string Hash(string scope, string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + key)));
}
