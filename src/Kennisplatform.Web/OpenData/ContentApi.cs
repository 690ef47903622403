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
            var filters = string.Join(", ", ParameterNames(type).Skip(2));
            api.MapGet($"/{collection}", (HttpContext context, SiteQueries queries, CancellationToken cancellationToken) => ListAsync(type, context, queries, cancellationToken))
                .WithName($"List{char.ToUpperInvariant(collection[0])}{collection[1..]}")
                .WithSummary($"Gepubliceerde items van het type {type.Label().ToLowerInvariant()}, per pagina{(filters.Length > 0 ? ", met filters: " + filters : "")}.")
                .ProducesValidationProblem();
            api.MapGet($"/{collection}/{{slug}}", (string slug, HttpContext context, SiteQueries queries, MarkdownRenderer markdown, CancellationToken cancellationToken) =>
                    DetailAsync(type, collection, slug, context, queries, markdown, cancellationToken))
                .WithName($"Get{char.ToUpperInvariant(collection[0])}{collection[1..]}")
                .WithSummary($"Eén {type.Label().ToLowerInvariant()} met alle velden.")
                .WithDescription(Content.Trials.TrialReport.Types.Contains(type)
                    ? $"Alle velden staan in de API-uitleg op /api. Het veld {Trials.TrialJson.Key} geeft de ervaringen van anderen die het ook probeerden: {Trials.TrialJson.Field.Meaning}"
                    : "Alle velden staan in de API-uitleg op /api.")
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound);
        }
        // Downloads stream from the database; the output cache would hold a copy of each in memory.
        api.MapGet("/export.json", ExportJsonAsync).WithName("ExportJson").WithSummary("Alle gepubliceerde inhoud als JSON (CC BY 4.0).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem().CacheOutput(policy => policy.NoCache());
        api.MapGet("/export.csv", ExportCsvAsync).WithName("ExportCsv").WithSummary("Alle gepubliceerde inhoud als CSV voor Excel (UTF-8, puntkomma's).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem().CacheOutput(policy => policy.NoCache());
    }

    private static List<string> ParameterNames(ContentType type) => ["page", "pageSize", .. OverviewFacets.For(type).Select(f => f.ApiKey)];

    /// <summary>The filters of the request, each checked against the values the filter offers now (themes, places, years, ...).</summary>
    private static async Task<OverviewFilter> FilterAsync(ContentType type, IQueryCollection query, SiteQueries queries, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var filter = OverviewFilter.None;
        foreach (var (facet, values) in await queries.FacetValuesAsync(type, cancellationToken))
        {
            if (string.IsNullOrEmpty(query[facet.ApiKey]))
                continue;
            var known = values.Select(v => facet.ToApi(v.Value)).ToList();
            var allowed = known.Count switch
            {
                0 => "niets: er is nog niets om op te filteren",
                1 => known[0],
                _ => string.Join(", ", known.SkipLast(1)) + " of " + known[^1],
            };
            if (QueryParameters.Choice(query, facet.ApiKey, known.Contains, allowed, errors) is { } chosen)
                filter = filter.With(facet.Kind, values.First(v => facet.ToApi(v.Value) == chosen).Value);
        }
        return filter;
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ListAsync(ContentType type, HttpContext context, SiteQueries queries, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var errors = new Dictionary<string, string[]>();
        QueryParameters.RejectUnknown(query, ParameterNames(type), errors);
        var page = QueryParameters.Integer(query, "page", 1, 1, 10_000, errors);
        var pageSize = QueryParameters.Integer(query, "pageSize", 20, 1, MaxPageSize, errors);
        var filter = await FilterAsync(type, query, queries, errors, cancellationToken);
        if (errors.Count > 0)
            return QueryParameters.Problem(errors);

        var list = await queries.ListAsync(type, filter, page, pageSize, cancellationToken);
        return TypedResults.Ok(new JsonObject
        {
            ["total"] = list.Total,
            ["page"] = page,
            ["pageSize"] = pageSize,
            ["license"] = Licenses.Default,
            ["items"] = new JsonArray(list.Items.Select(i => (JsonNode)ListItem(i, context)).ToArray()),
        });
    }

    /// <summary>An item in a list: its summary, and for a type that takes "ook geprobeerd" reports, how often it was tried.</summary>
    private static JsonObject ListItem(ContentItem item, HttpContext context)
    {
        var json = ContentJson.Summary(item, context);
        if (Content.Trials.TrialReport.Types.Contains(item.Kind))
            json[Trials.TrialJson.Key] = Trials.TrialJson.WriteCount(item);
        return json;
    }

    private static async Task<Results<Ok<JsonObject>, RedirectHttpResult, ProblemHttpResult>> DetailAsync(
        ContentType type, string collection, string slug, HttpContext context, SiteQueries queries, MarkdownRenderer markdown, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        QueryParameters.RejectUnknown(context.Request.Query, [], errors);
        if (!SlugRules.IsValid(slug))
            errors["slug"] = ["Een slug bestaat alleen uit kleine letters, cijfers en streepjes, zoals 'buurtkamer-noord'."];
        if (errors.Count > 0)
            return QueryParameters.Problem(errors);
        return await queries.FindAsync(type, slug, cancellationToken) switch
        {
            Lookup.Found found => TypedResults.Ok(ContentJson.Full(found.Item, context, markdown)),
            Lookup.Moved moved => TypedResults.Redirect($"/api/v1/{collection}/{moved.Url[(moved.Url.LastIndexOf('/') + 1)..]}", permanent: true),
            _ => TypedResults.Problem(title: "Niet gevonden.", detail: $"Er is geen {Sections.Of(type).Published} met de slug '{slug}'.", statusCode: StatusCodes.Status404NotFound),
        };
    }

    /// <summary>The exports take no parameters; one that is given anyway is refused rather than ignored.</summary>
    private static ProblemHttpResult? RefuseParameters(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        QueryParameters.RejectUnknown(context.Request.Query, [], errors);
        return errors.Count > 0 ? QueryParameters.Problem(errors) : null;
    }

    private static async Task ExportJsonAsync(HttpContext context, SiteQueries queries, MarkdownRenderer markdown, CancellationToken cancellationToken)
    {
        if (RefuseParameters(context) is { } refused)
        {
            await refused.ExecuteAsync(context);
            return;
        }
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
        if (RefuseParameters(context) is { } refused)
        {
            await refused.ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"kennisplatform.csv\"";
        await Csv.WriteAsync(context.Response.Body, queries.AllVisibleAsync(cancellationToken), i => PublicUrls.Absolute(context, Sections.UrlOf(i)), cancellationToken);
    }

    /// <summary>Bytes gathered before they go to the client.</summary>
    private const int FlushAt = 32 * 1024;
}
