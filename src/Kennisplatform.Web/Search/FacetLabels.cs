using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;
using Kennisplatform.Web.Site;

namespace Kennisplatform.Web.Search;

/// <summary>Dutch names for facets and their values; theme, principle and failure-pattern titles come from the database.</summary>
public sealed class FacetLabels(IReadOnlyDictionary<string, string> titlesBySlug)
{
    /// <summary>Facet field → (name shown on the page, query-string key of the search page).</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, string Key)> Facets = new Dictionary<string, (string, string)>
    {
        [SearchFields.Type] = ("Soort", "soort"),
        [SearchFields.Theme] = ("Thema", "thema"),
        [SearchFields.Principle] = ("Werkzaam principe", "principe"),
        [SearchFields.Outcome] = ("Uitkomst", "uitkomst"),
        [SearchFields.FailurePattern] = ("Faalpatroon", "faalpatroon"),
        [SearchFields.TargetGroup] = ("Doelgroep", "doelgroep"),
        [SearchFields.Evidence] = ("Bewijs", "bewijs"),
        [SearchFields.Municipality] = ("Gemeente", "gemeente"),
        [SearchFields.Neighbourhood] = ("Wijk", "wijk"),
    };

    public static async Task<FacetLabels> LoadAsync(SiteQueries queries, CancellationToken cancellationToken)
    {
        var themes = await queries.ThemesAsync(cancellationToken);
        var principles = await queries.PrinciplesAsync(cancellationToken);
        var patterns = await queries.FailurePatternsAsync(cancellationToken);
        var titles = new Dictionary<string, string>();
        foreach (var item in themes.Cast<ContentItem>().Concat(principles).Concat(patterns))
            titles[item.Kind.Code() + ":" + item.Slug] = item.Title;
        return new FacetLabels(titles);
    }

    /// <summary>
    /// Labels already worked out: a results page asks for about a hundred, the same ones page after page. Chosen
    /// values come from the address, so anyone can ask for new ones: past the limit they are worked out each time.
    /// </summary>
    private readonly Kept<(string Field, string Value), string> known = new(10_000);

    public string Label(string field, string value) =>
        known.GetOrKeep((field, value), this, static (key, labels) => labels.Find(key.Field, key.Value));

    private string Find(string field, string value) => field switch
    {
        SearchFields.Type => Dutch.TryParse<ContentType>(value, out var type) ? Sections.PluralOf(type) : value,
        SearchFields.Outcome => Dutch.TryParse<CaseOutcome>(value, out var outcome) ? outcome.Label() : value,
        SearchFields.TargetGroup => Dutch.TryParse<TargetGroups>(value, out var group) ? group.Label() : value,
        SearchFields.Evidence => Dutch.TryParse<EvidenceLevel>(value, out var evidence) ? evidence.Label() : value,
        SearchFields.Theme => titlesBySlug.GetValueOrDefault("thema:" + value, value),
        SearchFields.Principle => titlesBySlug.GetValueOrDefault("principe:" + value, value),
        SearchFields.FailurePattern => titlesBySlug.GetValueOrDefault(ContentType.FailurePattern.Code() + ":" + value, value),
        _ => value,
    };
}
