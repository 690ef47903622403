using System.Collections.Immutable;

namespace Kennisplatform.Content.Changes;

/// <summary>
/// How far a reader of the change log has come: the highest row it applied, and the ids below that it has not seen
/// yet (<see cref="Gaps"/>). A gap is an id whose transaction had not committed when a higher id was read (PostgreSQL
/// hands out ids when rows are inserted, not when they commit), or an id that will never appear (a rolled-back save).
/// Immutable, so a status page can read it while the indexer moves on.
/// </summary>
public sealed record ChangePosition(long Highest, ImmutableList<ChangeGap> Gaps)
{
    public static ChangePosition After(long settled) => new(settled, []);

    /// <summary>Every row up to here is applied or will never appear: the place to start again after a restart.</summary>
    public long Settled => Gaps.IsEmpty ? Highest : Gaps[0].From - 1;

    /// <summary>Ids waiting in gaps (a rolled-back import can leave a wide one).</summary>
    public long GapIds => Gaps.Sum(g => g.To - g.From + 1);
}

/// <summary>
/// The ids <see cref="From"/>..<see cref="To"/> were missing when a higher id was read at <see cref="SeenAt"/>.
/// <see cref="Fence"/> is set once the grace period is over: the database's next transaction number at that moment.
/// When every transaction below the fence has ended, a last read decides, and the gap is closed.
/// </summary>
public sealed record ChangeGap(long From, long To, DateTime SeenAt, long? Fence = null)
{
    public bool Contains(long id) => id >= From && id <= To;
}

/// <summary>Rows to apply, and the position to move to once they are applied (never before: a failed apply reads them again).</summary>
public sealed record ChangeBatch(IReadOnlyList<ContentChange> Changes, ChangePosition Next);
