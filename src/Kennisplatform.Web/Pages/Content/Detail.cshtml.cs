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
                // The real number of places left, on every request: never from the output cache.
                if (Item is Kennisplatform.Content.Events.Event { TakesRegistrations: true } && HttpContext.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>() is { } cache)
                    cache.Context.AllowCacheStorage = false;
                Referencing = await queries.ReferencingAsync(Item, cancellationToken);
                Related = search.Search.MoreLikeThis(Item.Id, 4, ListedOnThePage(Item, Referencing));
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>Items the page already links to: "Meer zoals dit" never repeats them.</summary>
    public static IEnumerable<int> ListedOnThePage(ContentItem item, IEnumerable<ContentItem> referencing)
    {
        IEnumerable<ContentItem> linked = [.. item.Themes, .. item.Principles, .. referencing];
        linked = item switch
        {
            Kennisplatform.Content.Cases.Case c => linked.Concat(c.Interventions).Concat(c.FailurePatterns).Concat(c.ContactConnector is { } p ? [p] : []),
            Kennisplatform.Content.FailurePatterns.FailurePattern f => linked.Concat(f.Cases),
            Kennisplatform.Content.Interventions.Intervention i => linked.Concat(i.Cases),
            Kennisplatform.Content.Connectors.Connector p => linked.Concat(p.Cases),
            _ => linked,
        };
        return linked.Select(l => l.Id);
    }

    public ItemView View => new(Item, Referencing, Related, queries.IsVisible);
}
