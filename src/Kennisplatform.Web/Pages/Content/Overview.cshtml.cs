using Kennisplatform.Content.Model;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Content;

public sealed class OverviewModel(SiteQueries queries) : PageModel
{
    public TypeDescriptor Section { get; private set; } = null!;
    public PagedList<ContentItem> Results { get; private set; } = null!;

    /// <summary>The filters with their values and counts; a value the filter does not offer is left out of <see cref="Filter"/>.</summary>
    public IReadOnlyList<FacetChoices> Facets { get; private set; } = [];
    public OverviewFilter Filter { get; private set; } = OverviewFilter.None;

    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public bool IsFiltered => !Filter.IsEmpty;

    /// <summary>Values in the address that their filter does not offer (an old link, a typo): said, then left out.</summary>
    public IReadOnlyList<(string Label, string Value)> Ignored { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string section, CancellationToken cancellationToken)
    {
        if (Sections.FromSegment(section) is not { } found)
            return NotFound();
        Section = found;
        // A value that does not bind (pagina=abc) leaves a model error; it simply means the first page.
        ModelState.Clear();
        (Filter, Facets) = await queries.FacetsAsync(Section.Type, facet => Request.Query[facet.Key].FirstOrDefault(), cancellationToken);
        Ignored = Facets.Where(f => f.Selected is null && !string.IsNullOrEmpty(Request.Query[f.Facet.Key].FirstOrDefault()))
            .Select(f => (f.Facet.Label(Section.Type), Request.Query[f.Facet.Key].FirstOrDefault()!)).ToList();
        Results = await queries.ListAsync(Section, Filter, PageNumber, cancellationToken);
        return Page();
    }

    /// <summary>The address of the first page with <paramref name="kind"/> set to <paramref name="value"/> (or left out when null), keeping the other filters.</summary>
    public string FilterUrl(OverviewFilterKind kind, string? value) => AddressOf(Filter.With(kind, value), 1);

    /// <summary>The address of another page of the same list, keeping the filters.</summary>
    public string PageUrl(int page) => AddressOf(Filter, page);

    private string AddressOf(OverviewFilter filter, int page)
    {
        var query = Facets.Where(f => filter[f.Facet.Kind] is not null).Select(f => new KeyValuePair<string, string?>(f.Facet.Key, filter[f.Facet.Kind])).ToList();
        if (page > 1)
            query.Add(new("pagina", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return "/" + Section.Segment + QueryString.Create(query);
    }
}
