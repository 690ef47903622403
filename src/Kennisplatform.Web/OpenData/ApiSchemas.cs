using System.Text.Json.Nodes;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;
using Microsoft.OpenApi;

namespace Kennisplatform.Web.OpenData;

/// <summary>
/// The response schemas of the list and item endpoints in the OpenAPI document, built from <see cref="ApiFields"/> and the
/// field table that <see cref="ContentJson"/> writes from: a field added to a type shows up in the schema by itself.
/// </summary>
public static class ApiSchemas
{
    public const string ListItem = "ListItem";

    /// <summary>The schema name of one item of <paramref name="type"/>: "Intervention".</summary>
    public static string ItemName(ContentType type) => type.ToString();

    /// <summary>The schema name of a page of the list of <paramref name="type"/>: "InterventionList".</summary>
    public static string ListName(ContentType type) => type + "List";

    /// <summary>Adds the schemas and points the 200 responses of the list and item operations at them.</summary>
    public static void Describe(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = document.Components.Schemas;
        schemas[ListItem] = Object("Een item in een lijst: de velden die elke soort heeft; bij interventies en praktijkvoorbeelden ook hoe vaak anderen het probeerden.",
            SummaryProperties().Append((Trials.TrialJson.Key, TrialsSchema(ApiFields.ListItem.Single(f => f.Key == Trials.TrialJson.Key), withReports: false))));
        foreach (var (collection, type) in ContentApi.Collections)
        {
            schemas[ItemName(type)] = Object($"Eén {type.Label().ToLowerInvariant()} met alle velden. Een leeg veld ontbreekt.",
                SummaryProperties().Concat(ApiFields.Detail(type).Select(f => (f.Key, Property(type, f)))));
            schemas[ListName(type)] = Object($"Een pagina van de lijst met {type.PluralLabel().ToLowerInvariant()}.",
            [
                ("total", new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Hoeveel items er met deze filters zijn, op alle pagina's samen." }),
                ("page", new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Het nummer van deze pagina, vanaf 1." }),
                ("pageSize", new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Hoeveel items een pagina hoogstens heeft." }),
                ("license", new OpenApiSchema { Type = JsonSchemaType.String, Description = "De licentie van de inhoud, tenzij een item anders zegt." }),
                ("items", new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(ListItem, document), Description = "De items van deze pagina." }),
            ], required: ["total", "page", "pageSize", "license", "items"]);
            Respond(document, $"/api/v1/{collection}", ListName(type));
            Respond(document, $"/api/v1/{collection}/{{slug}}", ItemName(type));
        }
        // The framework described these responses as a bare JsonObject; nothing points there any more.
        schemas.Remove(nameof(JsonObject));
    }

    private static void Respond(OpenApiDocument document, string path, string schema)
    {
        if (document.Paths.TryGetValue(path, out var item) && item.Operations?.GetValueOrDefault(HttpMethod.Get) is { } operation)
        {
            operation.Responses ??= new OpenApiResponses();
            var ok = operation.Responses.GetValueOrDefault("200") as OpenApiResponse ?? new OpenApiResponse();
            ok.Description = string.IsNullOrEmpty(ok.Description) ? "OK" : ok.Description;
            ok.Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(schema, document) } };
            operation.Responses["200"] = ok;
        }
    }

    private static IEnumerable<(string Key, IOpenApiSchema Schema)> SummaryProperties() =>
        ApiFields.Summary.Select(f => (f.Key, (IOpenApiSchema)(f.Key switch
        {
            "fictional" => new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = f.Meaning },
            "url" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = f.Meaning },
            ContentFields.PublishedKey => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date-time", Description = f.Meaning },
            _ => new OpenApiSchema { Type = JsonSchemaType.String, Description = f.Meaning },
        })));

    /// <summary>A field as <see cref="ContentJson"/> writes it: lists as arrays, moments with their offset, everything else as text.</summary>
    private static IOpenApiSchema Property(ContentType type, ApiField api)
    {
        if (api.Key == Trials.TrialJson.Key)
            return TrialsSchema(api);
        if (api.Key == FollowUps.FollowUpJson.Key)
            return FollowUps.FollowUpJson.Schema(api);
        var field = ContentFields.For(type).FirstOrDefault(f => f.Key == api.Key);
        var codes = field?.Choices.Select(c => (JsonNode)JsonValue.Create(c.Code)!).ToList();
        return field?.Kind switch
        {
            FieldKind.Links => new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = api.Meaning },
            FieldKind.Choices => new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = codes }, Description = api.Meaning },
            FieldKind.Choice => new OpenApiSchema { Type = JsonSchemaType.String, Enum = codes, Description = api.Meaning },
            FieldKind.Moment => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = api.Meaning },
            FieldKind.Date => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = api.Meaning },
            _ => new OpenApiSchema { Type = JsonSchemaType.String, Description = api.Meaning + " Waarden: " + api.Values + "." },
        };
    }

    /// <summary>The "ook geprobeerd" reports as <see cref="Trials.TrialJson"/> writes them: counts, and each report without its sender.</summary>
    private static OpenApiSchema TrialsSchema(ApiField api, bool withReports = true)
    {
        static OpenApiSchema Of(JsonSchemaType type, string? format = null) => new() { Type = type, Format = format };
        var count = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["total"] = Of(JsonSchemaType.Integer), ["succeeded"] = Of(JsonSchemaType.Integer),
                ["partly"] = Of(JsonSchemaType.Integer), ["failed"] = Of(JsonSchemaType.Integer),
            },
        };
        if (!withReports)
            return new OpenApiSchema { Type = JsonSchemaType.Object, Description = api.Meaning, Properties = new Dictionary<string, IOpenApiSchema> { ["count"] = count } };
        var report = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = Of(JsonSchemaType.Integer),
                ["municipality"] = Of(JsonSchemaType.String),
                ["neighbourhood"] = Of(JsonSchemaType.String | JsonSchemaType.Null),
                ["when"] = Of(JsonSchemaType.String),
                ["result"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("geslaagd")!, JsonValue.Create("deels")!, JsonValue.Create("mislukt")!] },
                ["reason"] = Of(JsonSchemaType.String),
                ["published"] = Of(JsonSchemaType.String | JsonSchemaType.Null, "date-time"),
                ["fictional"] = Of(JsonSchemaType.Boolean),
            },
        };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = api.Meaning,
            Properties = new Dictionary<string, IOpenApiSchema> { ["count"] = count, ["reports"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = report } },
        };
    }

    private static OpenApiSchema Object(string description, IEnumerable<(string Key, IOpenApiSchema Schema)> properties, HashSet<string>? required = null)
    {
        var list = properties.ToList();
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Properties = list.ToDictionary(p => p.Key, p => p.Schema),
            // What every item has; the type's own fields are left out when empty.
            Required = required ?? list.Select(p => p.Key).Where(k => ApiFields.Summary.Any(s => s.Key == k) && k != ContentFields.PublishedKey).ToHashSet(),
        };
    }
}
