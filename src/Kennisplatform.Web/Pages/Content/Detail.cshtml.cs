using Kennisplatform.Content.Model;
using Kennisplatform.Search.Querying;
using Kennisplatform.Web.Search;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Content;

public sealed class DetailModel(SiteQueries queries, SearchIndexer search) : PageModel
{
    public TypeDescriptor Section { get; private set; } = null!;
    public ContentItem Item { get; private set; } = null!;
    /// <summary>Items that link here: cases using an intervention, everything tagged with a theme, ...</summary>
    public IReadOnlyList<ContentItem> Referencing { get; private set; } = [];
    /// <summary>"Meer zoals dit": items that share the most telling words with this one.</summary>
    public IReadOnlyList<SearchHit> Related { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string section, string slug, CancellationToken cancellationToken)
    {
        if (Sections.FromSegment(section) is not { } found)
            return NotFound();
        Section = found;
        switch (await queries.FindAsync(found.Type, slug, cancellationToken))
        {
            case Lookup.Moved moved:
                return RedirectPermanent(moved.Url);
            case Lookup.Found item:
                Item = item.Item;
                Referencing = await queries.ReferencingAsync(Item, cancellationToken);
                Related = search.Search.MoreLikeThis(Item.Id, 4);
                return Page();
            default:
                return NotFound();
        }
    }

    public ItemView View => new(Item, Referencing, Related, queries.IsVisible);
}
