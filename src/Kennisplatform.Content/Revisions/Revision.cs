using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Revisions;

/// <summary>
/// One save of an item: who, when, and the full content as a content file (front matter + Markdown),
/// the same format as import and export, so a restore reads it back with the same code.
/// </summary>
public class Revision
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public ContentItem Item { get; set; } = null!;
    public int Number { get; set; }
    public DateTime CreatedAt { get; set; }
    public string Author { get; set; } = "";
    public string Title { get; set; } = "";
    public ContentStatus Status { get; set; }
    public string Snapshot { get; set; } = "";
}

/// <summary>A revision as a list shows it: everything but the snapshot.</summary>
public sealed record RevisionSummary(int Id, int Number, DateTime CreatedAt, string Author, string Title, ContentStatus Status);
