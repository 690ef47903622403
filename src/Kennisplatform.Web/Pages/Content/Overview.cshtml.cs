using Kennisplatform.Content.FailurePatterns;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Themes;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Content;

public sealed class OverviewModel(SiteQueries queries) : PageModel
{
    public TypeDescriptor Section { get; private set; } = null!;
    public PagedList<ContentItem> Results { get; private set; } = null!;
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<FailurePattern> FailurePatterns { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "thema")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "uitkomst")] public string? Outcome { get; set; }
    [BindProperty(SupportsGet = true, Name = "faalpatroon")] public string? FailurePattern { get; set; }
    [BindProperty(SupportsGet = true, Name = "bewijs")] public string? Evidence { get; set; }
    [BindProperty(SupportsGet = true, Name = "perspectief")] public string? Perspective { get; set; }
    [BindProperty(SupportsGet = true, Name = "wanneer")] public string? When { get; set; }
    [BindProperty(SupportsGet = true, Name = "gemeente")] public string? Municipality { get; set; }
    public IReadOnlyList<string> Places { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public bool IsFiltered => !string.IsNullOrEmpty(Theme) || !string.IsNullOrEmpty(Outcome) || !string.IsNullOrEmpty(Evidence)
        || !string.IsNullOrEmpty(Perspective) || !string.IsNullOrEmpty(When) || !string.IsNullOrEmpty(Municipality) || !string.IsNullOrEmpty(FailurePattern);

    public async Task<IActionResult> OnGetAsync(string section, CancellationToken cancellationToken)
    {
        if (Sections.FromSegment(section) is not { } found)
            return NotFound();
        Section = found;
        // A value that does not bind (pagina=abc) leaves a model error; it simply means the first page.
        ModelState.Clear();
        Results = await queries.ListAsync(Section, new OverviewFilter(Theme, Outcome, Evidence, Perspective, When, Municipality, FailurePattern), PageNumber, cancellationToken);
        if (Section.Filters.Contains(OverviewFilterKind.Municipality))
            Places = await queries.EventPlacesAsync(cancellationToken);
        if (Section.Filters.Contains(OverviewFilterKind.Theme))
            Themes = await queries.ThemesAsync(cancellationToken);
        if (Section.Filters.Contains(OverviewFilterKind.FailurePattern))
            FailurePatterns = await queries.FailurePatternsAsync(cancellationToken);
        return Page();
    }

    /// <summary>The address of another page of the same list, keeping the filters.</summary>
    public string PageUrl(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) query.Add(new(key, value));
        }
        Add("thema", Theme);
        Add("uitkomst", Outcome);
        Add("faalpatroon", FailurePattern);
        Add("bewijs", Evidence);
        Add("perspectief", Perspective);
        Add("wanneer", When);
        Add("gemeente", Municipality);
        if (page > 1) Add("pagina", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/" + Section.Segment + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
