using Kennisplatform.Content.Model;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;
using Kennisplatform.Web.Search;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kennisplatform.Web.Api;

public sealed record SearchItem(string Type, string Slug, string Title, string Url, string Snippet, string Published,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets);
public sealed record FacetEntry(string Value, string Label, int Count);
public sealed record SearchResponse(int Total, int Page, int PageSize, IReadOnlyList<SearchItem> Items,
    IReadOnlyDictionary<string, IReadOnlyList<FacetEntry>> Facets, string? Suggestion, string? SearchedInstead);
public sealed record SuggestResponse(string Query, IReadOnlyList<Completion> Suggestions);

/// <summary>GET /api/v1/search and /api/v1/search/suggest. Parameters are checked by hand so that a bad one gets a Dutch ProblemDetails.</summary>
public static class SearchApi
{
    /// <summary>Query-string keys of the filters, by facet field.</summary>
    private static readonly IReadOnlyDictionary<string, string> FilterKeys = new Dictionary<string, string>
    {
        ["type"] = SearchFields.Type,
        ["theme"] = SearchFields.Theme,
        ["principle"] = SearchFields.Principle,
        ["outcome"] = SearchFields.Outcome,
        ["failurePattern"] = SearchFields.FailurePattern,
        ["targetGroup"] = SearchFields.TargetGroup,
        ["evidence"] = SearchFields.Evidence,
        ["municipality"] = SearchFields.Municipality,
        ["neighbourhood"] = SearchFields.Neighbourhood,
    };

    public static void MapSearchApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/search").WithTags("Zoeken");
        api.MapGet("/", SearchAsync).WithName("Search")
            .WithSummary("Zoek in alle gepubliceerde inhoud, met facetten, filters, fragmenten en spellingsuggestie.")
            .ProducesValidationProblem();
        api.MapGet("/suggest", Suggest).WithName("SearchSuggest")
            .WithSummary("Aanvullingen voor wat iemand aan het typen is: titels en woorden.")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        HttpContext context, SearchIndexer indexer, FacetLabelCache labelCache, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var page = QueryParameters.Integer(query, "page", 1, 1, SearchService.MaxPage, errors);
        var pageSize = QueryParameters.Integer(query, "pageSize", 10, 1, SearchService.MaxPageSize, errors);
        var sort = query["sort"].ToString() switch
        {
            "" or "relevance" => SearchSort.Relevance,
            "newest" => SearchSort.Newest,
            _ => (SearchSort?)null,
        };
        if (sort is null)
            errors["sort"] = ["Kies 'relevance' (beste resultaat eerst) of 'newest' (nieuwste eerst)."];
        if (query["q"].Count > 1)
            errors["q"] = ["Geef de zoekvraag één keer mee."];
        QueryParameters.RejectUnknown(query, ["q", "page", "pageSize", "sort", .. FilterKeys.Keys], errors);
        // Filters with a fixed list of values: a value outside it would silently find nothing.
        foreach (var (key, isKnown, allowed) in new (string, Func<string, bool>, string)[]
        {
            ("type", v => Dutch.TryParse<ContentType>(v, out _), Dutch.CodeList<ContentType>()),
            ("outcome", v => Dutch.TryParse<Content.Cases.CaseOutcome>(v, out _), Dutch.CodeList<Content.Cases.CaseOutcome>()),
            ("evidence", v => Dutch.TryParse<Content.Interventions.EvidenceLevel>(v, out _), Dutch.CodeList<Content.Interventions.EvidenceLevel>()),
            ("targetGroup", v => Dutch.TryParse<Content.Interventions.TargetGroups>(v, out _), Dutch.CodeList<Content.Interventions.TargetGroups>()),
        })
        {
            var wrong = query[key].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && !isKnown(v!));
            if (wrong is not null)
                errors[key] = [$"'{key}' kent de waarde '{(wrong.Length > 40 ? wrong[..40] + "…" : wrong)}' niet. Kies {allowed}."];
        }
        // Filters whose values are published items: a slug that names none would silently find nothing. The database
        // is only asked when such a filter is given.
        SiteQueries Queries() => context.RequestServices.GetRequiredService<SiteQueries>();
        foreach (var (key, slugs) in new (string, Func<Task<IEnumerable<string>>>)[]
        {
            ("theme", async () => (await Queries().ThemesAsync(cancellationToken)).Select(t => t.Slug)),
            ("principle", async () => (await Queries().PrinciplesAsync(cancellationToken)).Select(p => p.Slug)),
            ("failurePattern", async () => (await Queries().FailurePatternsAsync(cancellationToken)).Select(p => p.Slug)),
        })
        {
            if (!query[key].Any(v => !string.IsNullOrWhiteSpace(v)))
                continue;
            var known = (await slugs()).ToHashSet(StringComparer.Ordinal);
            var wrong = query[key].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && !known.Contains(v!));
            if (wrong is not null)
                errors[key] = [$"'{key}' kent de waarde '{(wrong.Length > 40 ? wrong[..40] + "…" : wrong)}' niet. Kies de slug van een gepubliceerd item, zoals '{known.Order(StringComparer.Ordinal).FirstOrDefault()}'."];
        }
        if (errors.Count > 0)
            return TypedResults.Problem(new HttpValidationProblemDetails(errors)
            {
                Title = "De zoekvraag heeft ongeldige parameters.",
                Detail = "Pas de genoemde parameters aan en probeer het opnieuw.",
                Status = StatusCodes.Status400BadRequest,
            });

        var filters = FilterKeys.ToDictionary(
            f => f.Value,
            f => (IReadOnlyList<string>)query[f.Key].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct().Take(20).ToList());
        var results = indexer.Search.Search(new SearchRequest
        {
            Text = query["q"].ToString(),
            Filters = filters,
            Sort = sort!.Value,
            Page = page,
            PageSize = pageSize,
        });
        var labels = await labelCache.GetAsync(cancellationToken);
        var facetNames = FilterKeys.ToDictionary(f => f.Value, f => f.Key);
        return TypedResults.Ok(new SearchResponse(
            results.Total, results.Page, results.PageSize,
            results.Hits.Select(h => new SearchItem(h.Type, h.Slug, h.Title, h.Url, h.SnippetHtml, DutchTime.Iso(h.Published),
                h.Facets.Where(f => f.Value.Count > 0).ToDictionary(f => facetNames[f.Key], f => f.Value))).ToList(),
            results.Facets.ToDictionary(
                f => facetNames[f.Key],
                f => (IReadOnlyList<FacetEntry>)f.Value.Select(v => new FacetEntry(v.Value, labels.Label(f.Key, v.Value), v.Count)).ToList()),
            results.Suggestion, results.SearchedInstead));
    }

    private static Results<Ok<SuggestResponse>, ProblemHttpResult> Suggest(HttpContext context, SearchIndexer indexer)
    {
        var errors = new Dictionary<string, string[]>();
        QueryParameters.RejectUnknown(context.Request.Query, ["q"], errors);
        if (errors.Count > 0)
            return QueryParameters.Problem(errors);
        var q = context.Request.Query["q"].FirstOrDefault();
        return TypedResults.Ok(new SuggestResponse(q ?? "", indexer.Search.Complete(q)));
    }
}
