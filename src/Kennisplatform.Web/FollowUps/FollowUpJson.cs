using System.Globalization;
using System.Text.Json.Nodes;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Rendering;
using Kennisplatform.Web.OpenData;
using Microsoft.OpenApi;

namespace Kennisplatform.Web.FollowUps;

/// <summary>
/// A case's published follow-ups as open data, never who proposed them. Written by <see cref="ContentJson"/>,
/// described by <see cref="ApiFields"/> and typed by <see cref="ApiSchemas"/> from this one place.
/// </summary>
public static class FollowUpJson
{
    public const string Key = "follow_ups";

    public static readonly ApiField Field = new(Key,
        "Gepubliceerde vervolgen, oudste eerst: id, date, title, text, textHtml, still_running (true, false of null), "
        + "outcome (de uitkomst nu, of null), published, fictional. Nooit wie het vervolg voorstelde.",
        "lijst; date is jjjj-mm-dd");

    public static JsonArray Write(Case item, MarkdownRenderer markdown) =>
        new(item.FollowUps.Where(f => f.IsPublic).OrderBy(f => f.Date).ThenBy(f => f.Id).Select(f => (JsonNode?)new JsonObject
        {
            ["id"] = f.Id,
            ["date"] = f.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["title"] = f.Title,
            ["text"] = f.Text,
            ["textHtml"] = markdown.ToHtml(f.Text),
            ["still_running"] = f.StillRunning,
            ["outcome"] = f.NewOutcome?.Code(),
            ["published"] = f.PublishedAt is { } published ? DutchTime.Iso(published) : null,
            ["fictional"] = f.IsFictional,
        }).ToArray());

    public static OpenApiSchema Schema(ApiField api)
    {
        static OpenApiSchema Of(JsonSchemaType type, string? format = null) => new() { Type = type, Format = format };
        var outcomes = Enum.GetValues<CaseOutcome>().Select(o => (JsonNode)JsonValue.Create(o.Code())!).Append(null!).ToList();
        var followUp = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = Of(JsonSchemaType.Integer),
                ["date"] = Of(JsonSchemaType.String, "date"),
                ["title"] = Of(JsonSchemaType.String),
                ["text"] = Of(JsonSchemaType.String),
                ["textHtml"] = Of(JsonSchemaType.String),
                ["still_running"] = Of(JsonSchemaType.Boolean | JsonSchemaType.Null),
                ["outcome"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Enum = outcomes },
                ["published"] = Of(JsonSchemaType.String | JsonSchemaType.Null, "date-time"),
                ["fictional"] = Of(JsonSchemaType.Boolean),
            },
        };
        return new OpenApiSchema { Type = JsonSchemaType.Array, Description = api.Meaning, Items = followUp };
    }
}
