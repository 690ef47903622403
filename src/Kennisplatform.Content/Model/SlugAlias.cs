namespace Kennisplatform.Content.Model;

/// <summary>An old slug of an item; requests for it are redirected to the current one (301).</summary>
public class SlugAlias
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public ContentItem Item { get; set; } = null!;
    /// <summary>The content type code, so aliases are unique per type like slugs.</summary>
    public string Type { get; set; } = "";
    public string Slug { get; set; } = "";
}
