using Kennisplatform.Content.Model;
using Kennisplatform.Search.Querying;
using Kennisplatform.Web.Search;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages;

public sealed class SearchModel(SearchIndexer indexer, SiteQueries queries) : PageModel
{
    public string Query { get; private set; } = "";
    public bool NewestFirst { get; private set; }
    public SearchResults Results { get; private set; } = null!;
    public FacetLabels Labels { get; private set; } = null!;
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Selected { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = Request.Query;
        Query = (request["q"].ToString() ?? "").Trim();
        NewestFirst = request["sorteer"] == "datum";
        Selected = FacetLabels.Facets.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<string>)request[f.Value.Key].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct().Take(20).ToList());
        var page = int.TryParse(request["pagina"], out var number) ? number : 1;

        Results = indexer.Search.Search(new SearchRequest
        {
            Text = Query,
            Filters = Selected,
            Sort = NewestFirst ? SearchSort.Newest : SearchSort.Relevance,
            Page = page,
            PageSize = 10,
        });
        Labels = await FacetLabels.LoadAsync(queries, cancellationToken);
    }

    public bool IsFiltered => Selected.Values.Any(v => v.Count > 0);

    public string TypeLabel(string code) => Dutch.TryParse<ContentType>(code, out var type) ? type.Label() : code;

    /// <summary>The address of this search with one thing changed, keeping the rest.</summary>
    public string LinkTo(string? query = null, int? page = null, bool? newest = null, bool clearFilters = false)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        var q = query ?? Query;
        if (q.Length > 0) pairs.Add(new("q", q));
        if (!clearFilters)
        {
            foreach (var (field, values) in Selected)
            {
                var key = FacetLabels.Facets[field].Key;
                pairs.AddRange(values.Select(value => new KeyValuePair<string, string?>(key, value)));
            }
        }
        if (newest ?? NewestFirst) pairs.Add(new("sorteer", "datum"));
        if (page is > 1) pairs.Add(new("pagina", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return "/zoeken" + QueryString.Create(pairs);
    }
}
