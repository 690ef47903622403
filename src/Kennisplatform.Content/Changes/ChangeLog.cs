using System.Collections.Immutable;
using System.Linq.Expressions;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Changes;

/// <summary>
/// Reads the change log without ever skipping a row, by gap tracking. Reading <c>Id &gt; last id</c> is not enough
/// on PostgreSQL: ids are handed out when a row is inserted, so a save that inserted id 7 and commits after the save
/// with id 8 would be passed by. Every id missing below the highest one read is therefore kept as a gap and read
/// again each round until it appears or is sure never to appear. "Sure" is decided by the database, not by a clock:
/// after a grace period the gap gets a fence (the next transaction number), and once every transaction below the
/// fence has ended, one last read settles it. A gap costs one small query a round, and only while it is open.
/// (A trailing window re-read would be simpler, but any window is a guess about how long a transaction can take;
/// an import of a thousand items can outlast it.) On SQLite, one writer at a time commits ids in order, so a gap
/// there is a rolled-back save and is closed when its grace period is over.
/// </summary>
public static class ChangeLog
{
    private const int RangesPerQuery = 20;

    /// <summary>
    /// Reads rows that filled gaps and up to <paramref name="max"/> rows after <see cref="ChangePosition.Highest"/>,
    /// and works out the next position. Nothing is remembered: apply the rows, then move to <see cref="ChangeBatch.Next"/>.
    /// </summary>
    public static async Task<ChangeBatch> ReadAsync(this ContentDb db, ChangePosition position, int max, DateTime now, TimeSpan grace,
        CancellationToken cancellationToken = default)
    {
        // Decided before reading: a transaction that ended before this check has its rows visible to the reads below.
        var closing = new HashSet<ChangeGap>();
        if (position.Gaps.Any(g => g.Fence is not null))
        {
            var oldestRunning = await TransactionHorizon.OldestRunningAsync(db, cancellationToken);
            closing.UnionWith(position.Gaps.Where(g => g.Fence <= oldestRunning));
        }

        var late = await ReadGapsAsync(db, position.Gaps, cancellationToken);
        var fresh = await db.Changes.AsNoTracking().Where(c => c.Id > position.Highest).OrderBy(c => c.Id).Take(max).ToListAsync(cancellationToken);

        var gaps = new List<ChangeGap>();
        var found = late.Select(c => c.Id).ToHashSet();
        foreach (var gap in position.Gaps.Where(g => !closing.Contains(g)))
            gaps.AddRange(Split(gap, found));
        var highest = position.Highest;
        foreach (var change in fresh)
        {
            if (change.Id > highest + 1)
                gaps.Add(new ChangeGap(highest + 1, change.Id - 1, now));
            highest = change.Id;
        }

        if (gaps.Any(g => g.Fence is null && now - g.SeenAt >= grace))
        {
            var fence = await TransactionHorizon.NextAsync(db, cancellationToken);
            gaps = gaps.Select(g => g.Fence is null && now - g.SeenAt >= grace ? g with { Fence = fence } : g).ToList();
        }
        return new ChangeBatch([.. late.OrderBy(c => c.Id), .. fresh], new ChangePosition(highest, [.. gaps]));
    }

    /// <summary>
    /// The position of the whole log as it is now, for a reader that just read every item afresh (an index rebuild):
    /// the highest id, and every hole below it as a gap, since a hole may be a save that has not committed yet.
    /// </summary>
    public static async Task<ChangePosition> PositionNowAsync(this ContentDb db, DateTime now, CancellationToken cancellationToken = default)
    {
        var gaps = ImmutableList.CreateBuilder<ChangeGap>();
        long previous = 0;
        await foreach (var id in db.Changes.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (id > previous + 1)
                gaps.Add(new ChangeGap(previous + 1, id - 1, now));
            previous = id;
        }
        return new ChangePosition(previous, gaps.ToImmutable());
    }

    /// <summary>Rows committed that a reader at <paramref name="position"/> has not applied yet.</summary>
    public static async Task<int> CountBehindAsync(this ContentDb db, ChangePosition position, CancellationToken cancellationToken = default) =>
        await db.Changes.CountAsync(c => c.Id > position.Highest, cancellationToken)
        + (await ReadGapsAsync(db, position.Gaps, cancellationToken)).Count;

    private static async Task<List<ContentChange>> ReadGapsAsync(ContentDb db, ImmutableList<ChangeGap> gaps, CancellationToken cancellationToken)
    {
        var rows = new List<ContentChange>();
        foreach (var chunk in gaps.Chunk(RangesPerQuery))
            rows.AddRange(await db.Changes.AsNoTracking().Where(InAny(chunk)).ToListAsync(cancellationToken));
        return rows;
    }

    /// <summary><c>c => (c.Id >= from1 &amp;&amp; c.Id &lt;= to1) || ...</c>, one SQL condition per gap.</summary>
    private static Expression<Func<ContentChange, bool>> InAny(IEnumerable<ChangeGap> gaps)
    {
        var change = Expression.Parameter(typeof(ContentChange), "c");
        var id = Expression.Property(change, nameof(ContentChange.Id));
        var body = gaps
            .Select(g => (Expression)Expression.AndAlso(
                Expression.GreaterThanOrEqual(id, Expression.Constant(g.From)), Expression.LessThanOrEqual(id, Expression.Constant(g.To))))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<ContentChange, bool>>(body, change);
    }

    /// <summary>What is left of <paramref name="gap"/> once the <paramref name="found"/> ids in it are taken out.</summary>
    private static IEnumerable<ChangeGap> Split(ChangeGap gap, HashSet<long> found)
    {
        var start = gap.From;
        foreach (var id in found.Where(gap.Contains).Order())
        {
            if (id > start)
                yield return gap with { From = start, To = id - 1 };
            start = id + 1;
        }
        if (start <= gap.To)
            yield return gap with { From = start };
    }
}
