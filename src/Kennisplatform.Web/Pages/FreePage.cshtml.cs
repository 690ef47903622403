using Kennisplatform.Content.Model;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages;

public sealed class FreePageModel(SiteQueries queries) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        switch (await queries.FindAsync(ContentType.Page, slug, cancellationToken))
        {
            case Lookup.Moved moved:
                return RedirectPermanent(moved.Url);
            case Lookup.Found found:
                Item = found.Item;
                return Page();
            default:
                return NotFound();
        }
    }
}
