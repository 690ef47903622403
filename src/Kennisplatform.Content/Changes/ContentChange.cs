namespace Kennisplatform.Content.Changes;

/// <summary>
/// One row per saved item, in order. Derived data (each node's search index) catches up by reading the rows
/// after the last one it applied, so a save on one node reaches every node.
/// </summary>
public class ContentChange
{
    public long Id { get; set; }
    public int ItemId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// Wakes listeners in this process right after a save, so they need not wait for their next poll. A counter makes
/// it race-free: a listener notes <see cref="Version"/> before it reads the change log and then waits only if
/// nothing was raised since, so a save that lands while it is busy is never slept through.
/// </summary>
public sealed class ContentChangeSignal
{
    private readonly Lock gate = new();
    private TaskCompletionSource next = NewSource();
    private long version;

    /// <summary>Called in the saving thread right after a save commits, for listeners that must act before the save returns (caches).</summary>
    public event Action? Raised;

    public long Version
    {
        get { lock (gate) return version; }
    }

    public void Raise()
    {
        lock (gate)
        {
            version++;
            next.TrySetResult();
            next = NewSource();
        }
        Raised?.Invoke();
    }

    /// <summary>Returns at once when something was raised after <paramref name="seen"/>; else at the next raise or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(long seen, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task waiting;
        lock (gate)
        {
            if (version != seen)
                return;
            waiting = next.Task;
        }
        await Task.WhenAny(waiting, Task.Delay(timeout, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
