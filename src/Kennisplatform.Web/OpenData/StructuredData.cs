using System.Text.Json;
using System.Text.Json.Nodes;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.Model;
using Kennisplatform.Web.Site;

namespace Kennisplatform.Web.OpenData;

/// <summary>schema.org JSON-LD: Event for bijeenkomsten, Article for cases; the type descriptor says which.</summary>
public static class StructuredData
{
    /// <summary>The JSON-LD of a detail page, or null when the type has none.</summary>
    public static string? For(ContentItem item, HttpContext context) =>
        // The default encoder escapes <, > and &, so nothing in the text can close the script element.
        TypeDescriptors.Of(item.Kind).StructuredData?.Invoke(item, context).ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    public static JsonObject ForEvent(Event e, HttpContext context)
    {
        var url = PublicUrls.Absolute(context, Sections.UrlOf(e));
        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = e.Title,
            ["description"] = e.Summary,
            ["url"] = url,
            ["startDate"] = Local(e.StartsAt),
            ["endDate"] = Local(e.EndsAt),
            ["eventStatus"] = e.EventStatus == EventStatus.Cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
            ["eventAttendanceMode"] = e.LocationName == "Online" || (e.OnlineUrl.Length > 0 && e.Address.Length == 0)
                    ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode",
            ["location"] = e.LocationName == "Online" || e.Address.Length == 0 && e.Place.Length == 0
                    ? new JsonObject { ["@type"] = "VirtualLocation", ["url"] = e.OnlineUrl.Length > 0 && !e.TakesRegistrations ? e.OnlineUrl : url }
                    : new JsonObject
                    {
                        ["@type"] = "Place",
                        ["name"] = e.LocationName,
                        ["address"] = new JsonObject { ["@type"] = "PostalAddress", ["streetAddress"] = e.Address, ["addressLocality"] = e.Place, ["addressCountry"] = "NL" },
                    },
            ["organizer"] = new JsonObject { ["@type"] = "Organization", ["name"] = "Kennisplatform wijken", ["url"] = PublicUrls.Base(context) + "/" },
            ["inLanguage"] = "nl",
        };
    }

    public static JsonObject ForCase(Case c, HttpContext context)
    {
        var url = PublicUrls.Absolute(context, Sections.UrlOf(c));
        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Article",
            ["headline"] = c.Title,
            ["description"] = c.Summary,
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["datePublished"] = c.PublishedAt is { } published ? DutchTime.Iso(published) : null,
            ["dateModified"] = DutchTime.Iso(c.LastChangedAt),
            ["inLanguage"] = "nl",
            ["license"] = "https://creativecommons.org/licenses/by/4.0/",
            ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = "Kennisplatform wijken" },
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = "Kennisplatform wijken" },
            ["about"] = new JsonArray(c.Themes.Select(t => (JsonNode)t.Title).ToArray()),
            ["contentLocation"] = c.Municipality.Length > 0 ? new JsonObject { ["@type"] = "Place", ["name"] = c.Neighbourhood.Length > 0 ? $"{c.Neighbourhood}, {c.Municipality}" : c.Municipality } : null,
        };
    }

    /// <summary>ISO 8601 with the Dutch offset of that moment: +01:00 in winter, +02:00 in summer.</summary>
    private static string Local(DateTime utc)
    {
        var local = DutchTime.ToLocal(utc);
        return new DateTimeOffset(local, DutchTime.Zone.GetUtcOffset(utc)).ToString("yyyy-MM-ddTHH:mm:sszzz");
    }
}
