using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Themes;

/// <summary>Thema: a subject such as veiligheid or eenzaamheid; anything can be tagged with it.</summary>
public class Theme : ContentItem
{
    public override ContentType Kind => ContentType.Theme;

    public int SortOrder { get; set; }

    public List<ContentItem> Items { get; set; } = [];
}
