using Kennisplatform.Content.Changes;

namespace Kennisplatform.Content.Tests;

/// <summary>
/// Gap tracking in the change log. Rows are written with chosen ids, the way PostgreSQL leaves them when a save that
/// took a lower id commits after one that took a higher id.
/// </summary>
public class ChangeLogTests : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    private readonly TestDatabase database = new();
    private DateTime now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    public void Dispose() => database.Dispose();

    private async Task CommitAsync(params long[] ids)
    {
        await using var db = database.NewContext();
        db.Changes.AddRange(ids.Select(id => new ContentChange { Id = id, ItemId = (int)id * 10, At = now }));
        await db.SaveChangesAsync();
    }

    private async Task<ChangeBatch> ReadAsync(ChangePosition position, int max = 100)
    {
        await using var db = database.NewContext();
        return await db.ReadAsync(position, max, now, Grace);
    }

    [Fact]
    public async Task Id_committed_after_a_higher_one_is_read_in_a_later_round()
    {
        await CommitAsync(1, 3);
        var first = await ReadAsync(ChangePosition.After(0));
        Assert.Equal([1L, 3L], first.Changes.Select(c => c.Id));
        Assert.Equal(3, first.Next.Highest);
        Assert.Equal(1, first.Next.Settled);

        await CommitAsync(2);
        var second = await ReadAsync(first.Next);
        Assert.Equal([2L], second.Changes.Select(c => c.Id));
        Assert.Equal(20, second.Changes[0].ItemId);
        Assert.Equal(3, second.Next.Settled);
        Assert.Empty(second.Next.Gaps);
    }

    [Fact]
    public async Task Rows_are_not_read_twice_while_a_gap_below_them_is_open()
    {
        await CommitAsync(1, 4, 5);
        var first = await ReadAsync(ChangePosition.After(0));
        var again = await ReadAsync(first.Next);
        Assert.Empty(again.Changes);
        Assert.Equal(1, again.Next.Settled);
        Assert.Equal(2, again.Next.GapIds);
    }

    [Fact]
    public async Task Wide_gap_filled_in_the_middle_keeps_both_ends_open()
    {
        await CommitAsync(1, 10);
        var first = await ReadAsync(ChangePosition.After(0));
        await CommitAsync(5);
        var second = await ReadAsync(first.Next);
        Assert.Equal([5L], second.Changes.Select(c => c.Id));
        Assert.Equal([(2L, 4L), (6L, 9L)], second.Next.Gaps.Select(g => (g.From, g.To)));
    }

    [Fact]
    public async Task Gap_stays_open_through_the_grace_period_and_is_closed_after_it()
    {
        await CommitAsync(1, 3);
        var position = (await ReadAsync(ChangePosition.After(0))).Next;

        now += Grace - TimeSpan.FromSeconds(1);
        position = (await ReadAsync(position)).Next;
        Assert.Null(Assert.Single(position.Gaps).Fence);

        now += TimeSpan.FromSeconds(1);
        position = (await ReadAsync(position)).Next;
        Assert.NotNull(Assert.Single(position.Gaps).Fence);

        // Once no transaction below the fence runs, the next read settles it: at once on SQLite (one writer at a time);
        // on PostgreSQL when the transactions of other tests on the same server have ended.
        for (var round = 0; round < 100 && !position.Gaps.IsEmpty; round++)
        {
            position = (await ReadAsync(position)).Next;
            if (!position.Gaps.IsEmpty)
                await Task.Delay(50);
        }
        Assert.Empty(position.Gaps);
        Assert.Equal(3, position.Settled);
    }

    [Fact]
    public async Task Row_that_arrives_while_its_gap_is_being_closed_is_still_read()
    {
        await CommitAsync(1, 3);
        var position = (await ReadAsync(ChangePosition.After(0))).Next;
        now += Grace;
        position = (await ReadAsync(position)).Next;
        await CommitAsync(2);
        var last = await ReadAsync(position);
        Assert.Equal([2L], last.Changes.Select(c => c.Id));
        Assert.Empty(last.Next.Gaps);
    }

    [Fact]
    public async Task Batches_stop_at_the_limit_and_continue_from_there()
    {
        await CommitAsync(1, 2, 3, 4, 5);
        var first = await ReadAsync(ChangePosition.After(0), max: 2);
        Assert.Equal([1L, 2L], first.Changes.Select(c => c.Id));
        var second = await ReadAsync(first.Next, max: 2);
        Assert.Equal([3L, 4L], second.Changes.Select(c => c.Id));
    }

    [Fact]
    public async Task Position_of_the_whole_log_counts_every_hole_as_a_gap()
    {
        await CommitAsync(2, 3, 6);
        await using var db = database.NewContext();
        var position = await db.PositionNowAsync(now);
        Assert.Equal(6, position.Highest);
        Assert.Equal([(1L, 1L), (4L, 5L)], position.Gaps.Select(g => (g.From, g.To)));
        Assert.Equal(0, position.Settled);
    }

    [Fact]
    public async Task Count_behind_includes_late_rows_in_gaps()
    {
        await CommitAsync(1, 3);
        var position = (await ReadAsync(ChangePosition.After(0))).Next;
        await CommitAsync(2, 4, 5);
        await using var db = database.NewContext();
        Assert.Equal(3, await db.CountBehindAsync(position));
    }
}
