using Kennisplatform.Content.Model;
using Microsoft.AspNetCore.Mvc;

namespace Kennisplatform.Web.Site;

/// <summary>
/// A page under a published item's address, such as /{section}/{slug}/vraag: finds the item, and sends an old slug on
/// to the item's current address with the same page under it.
/// </summary>
public static class ItemSubPage
{
    public sealed record Found(TypeDescriptor Section, ContentItem Item);

    /// <returns>The item, or the answer to give instead (404, or a permanent redirect for a renamed item).</returns>
    /// <remarks>A form sent to an old address is sent on with its method and body (308), so a visitor's text is not lost.</remarks>
    public static async Task<(Found? Found, IActionResult? Refusal)> FindAsync(this SiteQueries queries, HttpRequest request, string section, string slug,
        string subPath, Func<ContentType, bool> accepts, CancellationToken cancellationToken)
    {
        if (Sections.FromSegment(section) is not { } descriptor || !accepts(descriptor.Type))
            return (null, new NotFoundResult());
        return await queries.FindAsync(descriptor.Type, slug, cancellationToken) switch
        {
            Lookup.Found item => (new Found(descriptor, item.Item), null),
            Lookup.Moved moved => (null, new RedirectResult(moved.Url + subPath, permanent: true, preserveMethod: HttpMethods.IsPost(request.Method))),
            _ => (null, new NotFoundResult()),
        };
    }
}
