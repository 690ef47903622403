namespace Kennisplatform.Content.Limits;

/// <summary>
/// How often one key (a hashed address, say) acted in its current window, which began at its first attempt. Kept in
/// the database, so every node counts against the same limit; long-ended windows are deleted as new ones begin.
/// </summary>
public class RateLimitWindow
{
    /// <summary>SHA-256 of the limit's scope and the key, in hex: never the address itself.</summary>
    public string Key { get; set; } = "";
    /// <summary>When the window began, in UTC ticks: a plain number means the same to both engines in hand-written SQL.</summary>
    public long WindowStart { get; set; }
    public int Count { get; set; }
}
