namespace Kennisplatform.Web.Search;

/// <summary>How this node's index follows the change log (section Kennisplatform:Indexing).</summary>
public sealed class IndexingOptions
{
    public const string Section = "Kennisplatform:Indexing";

    /// <summary>
    /// How often the change log is read for saves made on other nodes (saves on this node wake the indexer at once).
    /// A publish on one node is searchable on the others within about this time.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long an id missing from the change log is simply read again before the database is asked whether a
    /// transaction can still commit it (see ChangeLog). Longer costs nothing but a small query a round while a gap is open.
    /// </summary>
    public TimeSpan LateChangeGrace { get; set; } = TimeSpan.FromSeconds(30);
}
