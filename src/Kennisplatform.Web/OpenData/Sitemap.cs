using System.Xml.Linq;
using Kennisplatform.Web.Site;

namespace Kennisplatform.Web.OpenData;

public static class Sitemap
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static void MapSitemap(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/sitemap.xml", async (HttpContext context, SiteQueries queries, CancellationToken cancellationToken) =>
        {
            var items = await queries.AllVisibleAsync(cancellationToken);
            var urls = new[] { "/", "/zoeken", "/downloads", "/api" }.Concat(Sections.All.Select(s => "/" + s.Segment))
                .Select(path => Url(PublicUrls.Absolute(context, path), null))
                .Concat(items.Select(i => Url(PublicUrls.Absolute(context, Sections.UrlOf(i)), i.UpdatedAt)));
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Ns + "urlset", urls));
            return Results.Text(document.Declaration + "\n" + document.Root, "application/xml; charset=utf-8");
        }).ExcludeFromDescription();

        routes.MapGet("/robots.txt", (HttpContext context) =>
            Results.Text($"User-agent: *\nDisallow: /beheer/\nAllow: /\n\nSitemap: {PublicUrls.Absolute(context, "/sitemap.xml")}\n", "text/plain; charset=utf-8"))
            .ExcludeFromDescription();
    }

    private static XElement Url(string location, DateTime? modified) =>
        new(Ns + "url", new XElement(Ns + "loc", location), modified is { } at ? new XElement(Ns + "lastmod", at.ToString("yyyy-MM-dd")) : null);
}
