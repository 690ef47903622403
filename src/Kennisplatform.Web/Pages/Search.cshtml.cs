using Kennisplatform.Content.Model;
using Kennisplatform.Search.Querying;
using Kennisplatform.Web.Search;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages;

public sealed class SearchModel(SearchIndexer indexer, FacetLabelCache labelCache, PageLinks links) : PageModel
{
    /// <summary>Most searches to try when nothing is found: one per word of the query.</summary>
    private const int MaxAlternatives = 4;

    public string Query { get; private set; } = "";
    public bool NewestFirst { get; private set; }
    /// <summary>Search the words as typed: no correction, no understanding of failures, types or places.</summary>
    public bool Literal { get; private set; }
    public SearchResults Results { get; private set; } = null!;
    public FacetLabels Labels { get; private set; } = null!;
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Selected { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>When nothing is found: nearby searches that do find something, with their counts.</summary>
    public IReadOnlyList<(string Query, int Count, bool WithoutFilters)> Alternatives { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = Request.Query;
        Query = (request["q"].ToString() ?? "").Trim();
        // Punctuation and operators alone search nothing: the same as an empty box.
        if (UserQuery.Parse(Query).Count == 0)
            Query = "";
        NewestFirst = request["sorteer"] == "datum";
        Literal = request["letterlijk"] == "1";
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
            Literal = Literal,
        });
        if (Results.Total == 0)
            Alternatives = FindAlternatives();
        Labels = await labelCache.GetAsync(cancellationToken);
    }

    /// <summary>Each word alone, then the same words without filters: the nearest searches that find something.</summary>
    private List<(string, int, bool)> FindAlternatives()
    {
        var found = new List<(string, int, bool)>();
        var words = UserQuery.Parse(Query).Where(p => !p.IsExcluded).Select(p => p.Text).ToList();
        if (words.Count > 1)
            foreach (var word in words.Take(MaxAlternatives))
                if (Count(word, Selected) is > 0 and var count)
                    found.Add((word, count, false));
        if (IsFiltered && Query.Length > 0 && Count(Query, new Dictionary<string, IReadOnlyList<string>>()) is > 0 and var all)
            found.Add((Query, all, true));
        return found;
    }

    private int Count(string text, IReadOnlyDictionary<string, IReadOnlyList<string>> filters) =>
        indexer.Search.Search(new SearchRequest { Text = text, Filters = filters, PageSize = 1, Literal = Literal }).Total;

    public bool IsFiltered => Selected.Values.Any(v => v.Count > 0);

    public string TypeLabel(string code) => Dutch.TryParse<ContentType>(code, out var type) ? type.Label() : code;

    /// <summary>What the search understood beyond the words, in a sentence: "Mislukte en deels geslaagde praktijkvoorbeelden over „jongeren” in Rotterdam".</summary>
    public string? Understood()
    {
        var understood = Results.Understood;
        if (!understood.HasIntent)
            return null;
        var what = new List<string>();
        if (understood.Failures)
            what.Add("mislukte en deels geslaagde praktijkvoorbeelden");
        what.AddRange(understood.Types.Where(t => !understood.Failures || t != "praktijkvoorbeeld")
            .Select(t => Dutch.TryParse<ContentType>(t, out var type) ? Sections.PluralOf(type).ToLowerInvariant() : t));
        var sentence = what.Count > 0 ? string.Join(" en ", what) : "alles";
        var words = UserQuery.Format(understood.Words.Where(w => !understood.Places.Any(p => string.Equals(p.Value, w.Text, StringComparison.OrdinalIgnoreCase))));
        if (words.Length > 0 && (understood.Failures || understood.Types.Count > 0 || understood.Places.Count == 0))
            sentence += $" over „{words}”";
        if (understood.Places.Count > 0)
            sentence += " in " + string.Join(" of ", understood.Places.Select(p => p.Value).Distinct());
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    /// <summary>The address of this search with one thing changed, keeping the rest.</summary>
    public string LinkTo(string? query = null, int? page = null, bool? newest = null, bool clearFilters = false, bool? literal = null)
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
        if (literal ?? Literal) pairs.Add(new("letterlijk", "1"));
        if (page is > 1) pairs.Add(new("pagina", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return PagePath + QueryString.Create(pairs);
    }

    /// <summary>The page that asks to be told of new results for this query, with the query filled in.</summary>
    public string AlertLink => links.Page(HttpContext, "/Alerts/OpDeHoogte") + QueryString.Create("zoek", Query);

    /// <summary>The address of the search page, for its forms and links; found once a request, not once a link.</summary>
    public string PagePath => pagePath ??= links.Page(HttpContext, "/Search");
    private string? pagePath;
}
