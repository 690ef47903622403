using System.Text;
using System.Xml;
using Kennisplatform.Web.Site;

namespace Kennisplatform.Web.OpenData;

public static class Sitemap
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static void MapSitemap(this IEndpointRouteBuilder routes)
    {
        // Streamed from the database item by item, so a large site never sits in memory whole.
        routes.MapGet("/sitemap.xml", WriteAsync).CacheOutput(policy => policy.NoCache()).ExcludeFromDescription();

        routes.MapGet("/robots.txt", (HttpContext context) =>
            Results.Text($"User-agent: *\nDisallow: /beheer/\nAllow: /\n\nSitemap: {PublicUrls.Absolute(context, "/sitemap.xml")}\n", "text/plain; charset=utf-8"))
            .ExcludeFromDescription();
    }

    private static async Task WriteAsync(HttpContext context, SiteQueries queries, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/xml; charset=utf-8";
        await using var xml = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", Ns);
        foreach (var path in new[] { "/", "/zoeken", "/voordat-je-begint", "/downloads", "/api" }.Concat(Sections.All.Select(s => "/" + s.Segment)))
            await UrlAsync(xml, PublicUrls.Absolute(context, path), null);
        await foreach (var item in queries.AllVisibleAsync(cancellationToken, withLinks: false))
            await UrlAsync(xml, PublicUrls.Absolute(context, Sections.UrlOf(item)), item.LastChangedAt);
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static async Task UrlAsync(XmlWriter xml, string location, DateTime? modified)
    {
        await xml.WriteStartElementAsync(null, "url", Ns);
        await xml.WriteElementStringAsync(null, "loc", Ns, location);
        if (modified is { } at)
            await xml.WriteElementStringAsync(null, "lastmod", Ns, at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await xml.WriteEndElementAsync();
    }
}
