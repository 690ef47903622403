using System.Text.Json;
using System.Text.Json.Nodes;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Rendering;
using Kennisplatform.Web.Api;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kennisplatform.Web.OpenData;

/// <summary>
/// The read-only open data API under /api/v1: a paged list and a detail per published type. Everything here is
/// published content under CC BY 4.0 unless an item says otherwise.
/// </summary>
public static class ContentApi
{
    /// <summary>The API's English names for the types; the one mapping, used by routes and the OpenAPI document.</summary>
    public static readonly IReadOnlyDictionary<string, ContentType> Collections = TypeDescriptors.All.ToDictionary(d => d.Collection, d => d.Type);

    public const int MaxPageSize = 100;

    public static void MapContentApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Open data");
        foreach (var (collection, type) in Collections)
        {
            api.MapGet($"/{collection}", (HttpContext context, SiteQueries queries, CancellationToken cancellationToken) => ListAsync(type, context, queries, cancellationToken))
                .WithName($"List{char.ToUpperInvariant(collection[0])}{collection[1..]}")
                .WithSummary($"Gepubliceerde items van het type {type.Label().ToLowerInvariant()}, per pagina, met filters.");
            api.MapGet($"/{collection}/{{slug}}", (string slug, HttpContext context, SiteQueries queries, MarkdownRenderer markdown, CancellationToken cancellationToken) =>
                    DetailAsync(type, collection, slug, context, queries, markdown, cancellationToken))
                .WithName($"Get{char.ToUpperInvariant(collection[0])}{collection[1..]}")
                .WithSummary($"Eén {type.Label().ToLowerInvariant()} met alle velden.");
        }
        // Downloads stream from the database; the output cache would hold a copy of each in memory.
        api.MapGet("/export.json", ExportJsonAsync).WithName("ExportJson").WithSummary("Alle gepubliceerde inhoud als JSON (CC BY 4.0).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").CacheOutput(policy => policy.NoCache());
        api.MapGet("/export.csv", ExportCsvAsync).WithName("ExportCsv").WithSummary("Alle gepubliceerde inhoud als CSV voor Excel (UTF-8, puntkomma's).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").CacheOutput(policy => policy.NoCache());
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ListAsync(ContentType type, HttpContext context, SiteQueries queries, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var page = QueryParameters.Integer(query, "page", 1, 1, 10_000, errors);
        var pageSize = QueryParameters.Integer(query, "pageSize", 20, 1, MaxPageSize, errors);
        if (errors.Count > 0)
            return TypedResults.Problem(new HttpValidationProblemDetails(errors) { Title = "Ongeldige parameters.", Status = StatusCodes.Status400BadRequest });

        var filter = new OverviewFilter(query["theme"].FirstOrDefault(), query["outcome"].FirstOrDefault(), query["evidence"].FirstOrDefault(),
            query["perspective"].FirstOrDefault(), query["when"].FirstOrDefault() switch { "upcoming" => OverviewFilter.Upcoming, "past" => OverviewFilter.Past, _ => null },
            query["municipality"].FirstOrDefault(), query["failurePattern"].FirstOrDefault());
        var list = await queries.ListAsync(type, filter, page, pageSize, cancellationToken);
        return TypedResults.Ok(new JsonObject
        {
            ["total"] = list.Total,
            ["page"] = page,
            ["pageSize"] = pageSize,
            ["license"] = Licenses.Default,
            ["items"] = new JsonArray(list.Items.Select(i => (JsonNode)ContentJson.Summary(i, context)).ToArray()),
        });
    }

    private static async Task<Results<Ok<JsonObject>, RedirectHttpResult, ProblemHttpResult>> DetailAsync(
        ContentType type, string collection, string slug, HttpContext context, SiteQueries queries, MarkdownRenderer markdown, CancellationToken cancellationToken) =>
        await queries.FindAsync(type, slug, cancellationToken) switch
        {
            Lookup.Found found => TypedResults.Ok(ContentJson.Full(found.Item, context, markdown)),
            Lookup.Moved moved => TypedResults.Redirect($"/api/v1/{collection}/{moved.Url[(moved.Url.LastIndexOf('/') + 1)..]}", permanent: true),
            _ => TypedResults.Problem(title: "Niet gevonden.", detail: $"Er is geen gepubliceerde {type.Label().ToLowerInvariant()} met de slug '{slug}'.", statusCode: StatusCodes.Status404NotFound),
        };

    private static async Task ExportJsonAsync(HttpContext context, SiteQueries queries, MarkdownRenderer markdown, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"kennisplatform.json\"";
        // Written item by item as the items are read, so a large site never sits in memory whole.
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("license", Licenses.Default);
        json.WriteString("licenseUrl", "https://creativecommons.org/licenses/by/4.0/");
        json.WriteString("source", PublicUrls.Base(context));
        json.WriteStartArray("items");
        await foreach (var item in queries.AllVisibleAsync(cancellationToken))
        {
            ContentJson.Full(item, context, markdown).WriteTo(json);
            if (json.BytesPending > FlushAt)
                await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static async Task ExportCsvAsync(HttpContext context, SiteQueries queries, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"kennisplatform.csv\"";
        await Csv.WriteAsync(context.Response.Body, queries.AllVisibleAsync(cancellationToken), i => PublicUrls.Absolute(context, Sections.UrlOf(i)), cancellationToken);
    }

    /// <summary>Bytes gathered before they go to the client.</summary>
    private const int FlushAt = 32 * 1024;
}
