using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Pages.Content;
using Kennisplatform.Web.Search;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>An item in any state, rendered by the same partial as the public detail page.</summary>
public sealed class VoorbeeldModel(ContentStore store, SiteQueries queries, SearchIndexer search, IAuthorizationService authorization) : PageModel
{
    public ItemView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await store.LoadForEditAsync(id, cancellationToken) is not { } item)
            return NotFound();
        if (!EditorAccess.MayView(item, User, await authorization.MayPublishAsync(User)))
            return Forbid();
        var referencing = await queries.ReferencingAsync(item, cancellationToken);
        View = new ItemView(item, referencing, search.Search.MoreLikeThis(item.Id, 4, Kennisplatform.Web.Pages.Content.DetailModel.ListedOnThePage(item, referencing)), queries.IsVisible);
        return Page();
    }
}
