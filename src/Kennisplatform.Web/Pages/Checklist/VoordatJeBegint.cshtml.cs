using Kennisplatform.Content.Cases;
using Kennisplatform.Content.FailurePatterns;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Themes;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Checklist;

/// <summary>
/// /voordat-je-begint?thema=…&amp;interventie=…&amp;gemeente=…: a pre-mortem checklist. The failure patterns of the
/// published cases that share every choice, most frequent first, each with its cases and the question to ask now.
/// A plain GET form, so the address is the whole state: it can be shared, bookmarked and printed.
/// </summary>
public sealed class VoordatJeBegintModel(SiteQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "thema")]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true, Name = "interventie")]
    public string? Intervention { get; set; }

    [BindProperty(SupportsGet = true, Name = "gemeente")]
    public string? Municipality { get; set; }

    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Title, EvidenceLevel Evidence)> Interventions { get; private set; } = [];
    public IReadOnlyList<string> Municipalities { get; private set; } = [];

    public Theme? ChosenTheme { get; private set; }
    public (string Slug, string Title)? ChosenIntervention { get; private set; }
    public string? ChosenMunicipality { get; private set; }

    /// <summary>Null until something valid was chosen.</summary>
    public IReadOnlyList<Case>? Comparable { get; private set; }
    public IReadOnlyList<PreMortemLine> Lines { get; private set; } = [];
    public List<string> Problems { get; } = [];

    public bool HasChoice => ChosenTheme is not null || ChosenIntervention is not null || ChosenMunicipality is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Themes = await queries.ThemesAsync(cancellationToken);
        Interventions = await queries.InterventionChoicesAsync(cancellationToken);
        Municipalities = await queries.CaseMunicipalitiesAsync(cancellationToken);

        var theme = Clean(Theme);
        if (theme is not null)
        {
            ChosenTheme = Themes.FirstOrDefault(t => string.Equals(t.Slug, theme, StringComparison.OrdinalIgnoreCase));
            if (ChosenTheme is null)
                Problems.Add($"We kennen geen thema '{Shorten(theme)}'. Kies een thema uit de lijst.");
        }
        var intervention = Clean(Intervention);
        if (intervention is not null)
        {
            var found = Interventions.FirstOrDefault(i => string.Equals(i.Slug, intervention, StringComparison.OrdinalIgnoreCase));
            if (found.Slug is null)
                Problems.Add($"We kennen geen interventie '{Shorten(intervention)}'. Kies een interventie uit de lijst.");
            else
                ChosenIntervention = (found.Slug, found.Title);
        }
        var municipality = Clean(Municipality);
        if (municipality is not null)
        {
            ChosenMunicipality = Municipalities.FirstOrDefault(m => string.Equals(m, municipality, StringComparison.CurrentCultureIgnoreCase));
            if (ChosenMunicipality is null)
                Problems.Add($"Er zijn nog geen praktijkvoorbeelden uit de gemeente '{Shorten(municipality)}'. Kies een gemeente uit de lijst, of laat de gemeente leeg.");
        }

        if (!HasChoice)
            return;
        var comparable = await queries.ComparableCasesAsync(ChosenTheme?.Slug, ChosenIntervention?.Slug, ChosenMunicipality, cancellationToken);
        Comparable = comparable;
        Lines = PreMortem.From(comparable, queries.IsVisible);
    }

    /// <summary>What was chosen, in words: "het thema Eenzaamheid en de interventie Buurtkamer".</summary>
    public string ChoiceText => string.Join(" en ", new[]
    {
        ChosenTheme is null ? null : $"het thema {ChosenTheme.Title}",
        ChosenIntervention is { } i ? $"de interventie {i.Title}" : null,
        ChosenMunicipality is null ? null : $"de gemeente {ChosenMunicipality}",
    }.OfType<string>());

    /// <summary>With more than one choice and nothing found, each choice on its own: a way to widen the search.</summary>
    public IReadOnlyList<(string Text, string? Url)> Wider()
    {
        var options = new List<(string, string?)>();
        if (ChosenTheme is { } theme)
            options.Add(($"alleen het thema {theme.Title}", Url.Page("/Checklist/VoordatJeBegint", new { thema = theme.Slug })));
        if (ChosenIntervention is { } intervention)
            options.Add(($"alleen de interventie {intervention.Title}", Url.Page("/Checklist/VoordatJeBegint", new { interventie = intervention.Slug })));
        if (ChosenMunicipality is { } municipality)
            options.Add(($"alleen de gemeente {municipality}", Url.Page("/Checklist/VoordatJeBegint", new { gemeente = municipality })));
        return options.Count > 1 ? options : [];
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Shorten(string text) => Kennisplatform.Content.Rendering.ShortText.Cut(text, 60);
}
