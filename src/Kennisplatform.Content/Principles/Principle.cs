using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Principles;

/// <summary>Werkzaam principe: one of the working principles from the national dialogue.</summary>
public class Principle : ContentItem
{
    public override ContentType Kind => ContentType.Principle;

    /// <summary>What the principle needs to work (Markdown).</summary>
    public string Needs { get; set; } = "";
    public int SortOrder { get; set; }

    public List<ContentItem> Items { get; set; } = [];
}
