namespace Kennisplatform.Content.Settings;

/// <summary>
/// A setting that beheerders change in the back office and that every node must see, such as the search synonyms.
/// The row is never deleted: going back to the default empties <see cref="Value"/> and raises <see cref="Version"/>,
/// so a node that polls the version always notices a change.
/// </summary>
public class SiteSetting
{
    public const int MaxValueLength = 100_000;

    public required string Name { get; set; }

    /// <summary>The setting as a beheerder wrote it; null means "use the default from the content folder".</summary>
    public string? Value { get; set; }

    /// <summary>Raised on every change; also the concurrency token that turns a stale edit into a conflict.</summary>
    public int Version { get; set; }

    public DateTime ChangedAt { get; set; }

    public required string ChangedBy { get; set; }
}
