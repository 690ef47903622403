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

/// <summary>Wakes listeners in this process right after a save, so they need not wait for their next poll.</summary>
public sealed class ContentChangeSignal
{
    private readonly Lock gate = new();
    private TaskCompletionSource next = NewSource();

    public void Raise()
    {
        lock (gate)
        {
            next.TrySetResult();
            next = NewSource();
        }
    }

    /// <summary>Completes at the next <see cref="Raise"/> or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task waiting;
        lock (gate)
            waiting = next.Task;
        await Task.WhenAny(waiting, Task.Delay(timeout, cancellationToken));
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
