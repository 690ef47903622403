using System.Collections.Concurrent;

namespace Kennisplatform.Web.Site;

/// <summary>
/// The addresses of our own pages, made from their routes as <c>asp-page</c> makes them, once per page and path base
/// rather than on every view: the layout links to the same pages from every page, and routing them anew was a few
/// per cent of a page's CPU.
/// </summary>
public sealed class PageLinks(LinkGenerator links)
{
    private readonly ConcurrentDictionary<(string PathBase, string Page), string> known = new();

    /// <summary>The path of <paramref name="page"/> (a page name such as "/Index") for this request's path base.</summary>
    public string Page(HttpContext context, string page) =>
        known.GetOrAdd((context.Request.PathBase.Value ?? "", page), static (key, state) =>
            state.Links.GetPathByPage(state.Context, key.Page, values: new RouteValueDictionary())
                ?? throw new InvalidOperationException($"No route for the page {key.Page}."), (Links: links, Context: context));
}
