using System.Text.Json.Nodes;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Rendering;
using Kennisplatform.Web.Site;

namespace Kennisplatform.Web.OpenData;

/// <summary>
/// An item as open data. The keys are those of the content files (docs/content-format.md), so the API, the
/// downloads and an export describe items the same way. Workflow details (status, author) are left out.
/// </summary>
public static class ContentJson
{
    /// <summary>Workflow keys that stay out of open data.</summary>
    public static readonly IReadOnlySet<string> Private = new HashSet<string> { ContentFields.StatusKey, ContentFields.AuthorKey };

    public static JsonObject Summary(ContentItem item, HttpContext context) => new()
    {
        ["type"] = item.Kind.Code(),
        ["slug"] = item.Slug,
        ["title"] = item.Title,
        ["summary"] = item.Summary,
        ["url"] = PublicUrls.Absolute(context, Sections.UrlOf(item)),
        [ContentFields.PublishedKey] = item.PublishedAt is { } published ? DutchTime.Iso(published) : null,
        ["license"] = item.License,
        ["fictional"] = item.IsFictional,
    };

    /// <summary>A case's published follow-ups, oldest first, without anything about who proposed them.</summary>
    public static JsonObject Full(ContentItem item, HttpContext context, MarkdownRenderer markdown)
    {
        var json = Summary(item, context);
        // The joining link of an event that takes registrations goes to registrants only, by mail.
        var hidden = item is Content.Events.Event { TakesRegistrations: true } ? "online_url" : null;
        foreach (var field in ContentFields.For(item.Kind).Where(f => !Private.Contains(f.Key) && f.Key != hidden && !json.ContainsKey(f.Key)))
        {
            switch (field.Write(item))
            {
                case { List: { } list }:
                    json[field.Key] = new JsonArray(list.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
                    break;
                case { Scalar: { } value } when field.Kind is FieldKind.Moment:
                    // Files hold moments in Dutch local time; open data says so with the offset.
                    json[field.Key] = DutchTime.Iso(MomentText.Parse(field.Key, value).Utc);
                    break;
                case { Scalar: { } value }:
                    json[field.Key] = value;
                    break;
            }
        }
        if (Content.Trials.TrialReport.Types.Contains(item.Kind))
            json[Trials.TrialJson.Key] = Trials.TrialJson.Write(item);
        if (item is Content.Cases.Case withFollowUps)
            json[FollowUps.FollowUpJson.Key] = FollowUps.FollowUpJson.Write(withFollowUps, markdown);
        json["body"] = item.Body;
        json["bodyHtml"] = markdown.ToHtml(item.Body);
        return json;
    }
}
