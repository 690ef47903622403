using Kennisplatform.Content.Model;
using Kennisplatform.Search.Querying;

namespace Kennisplatform.Web.Pages.Content;

/// <summary>
/// What the shared item partial shows: the public detail page and the editors' preview render the same partial,
/// so a preview is exactly what the public will see.
/// </summary>
public sealed record ItemView(ContentItem Item, IReadOnlyList<ContentItem> Referencing, IReadOnlyList<SearchHit> Related, Func<ContentItem, bool> IsVisible)
{
    /// <summary>A linked item is shown only when the public may see it.</summary>
    public IEnumerable<T> Visible<T>(IEnumerable<T> items) where T : ContentItem => items.Where(i => IsVisible(i)).OrderBy(i => i.Title);
}
