using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Pages;

/// <summary>Pagina: a free page at the root of the site, such as /over or /privacy.</summary>
public class Page : ContentItem
{
    /// <summary>First path segments of the site's own pages, endpoints and static folders (a test walks the routing table).</summary>
    public static readonly IReadOnlyList<string> SiteSegments =
    [
        "zoeken", "beheer", "api", "openapi", "feeds", "lib", "css", "js", "img", "media", "status",
        "fout", "account", "sitemap-xml", "robots-txt", "favicon-ico", "deel-je-ervaring", "downloads", "index",
        "bewijskracht", "vergelijken", "selectie", "gemeenten", "op-de-hoogte", "voordat-je-begint",
    ];

    /// <summary>
    /// Free pages that a page of the site shows inside itself: /contact shows the editors' page "contact" above its
    /// form. Their slugs are routed on purpose, so they stay open to pages.
    /// </summary>
    public static readonly IReadOnlyList<string> ShownInsideSitePages = [ContactSlug];

    public const string ContactSlug = "contact";

    /// <summary>The free page about privacy; the site adds the retention periods from its settings to it.</summary>
    public const string PrivacySlug = "privacy";

    /// <summary>First path segments the site uses itself: its own, and those of every content type. A page may not take them.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(
        SiteSegments.Concat(ContentTypes.All.Select(t => t.Segment()).OfType<string>()), StringComparer.Ordinal);

    public override ContentType Kind => ContentType.Page;

    public int SortOrder { get; set; }

    protected override IEnumerable<ValidationError> ValidateType()
    {
        if (ReservedSlugs.Contains(Slug))
            yield return new("slug", $"De slug '{Slug}' is al in gebruik door de website zelf. Kies een andere.");
    }
}
