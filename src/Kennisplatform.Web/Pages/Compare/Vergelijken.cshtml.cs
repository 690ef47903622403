using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Compare;

/// <summary>
/// /vergelijken?i=a&amp;i=b: two to four interventions side by side. The slugs in the address are the whole state,
/// so the comparison can be shared and bookmarked; renamed slugs follow their alias.
/// </summary>
/// <remarks>Not kept in the output cache: its key sorts a query key's values, and here their order decides which four are shown and in what order.</remarks>
[Microsoft.AspNetCore.OutputCaching.OutputCache(NoStore = true)]
public sealed class VergelijkenModel(SiteQueries queries) : PageModel
{
    public const int Min = 2;
    public const int Max = 4;

    public const string Key = "i";

    public List<(Intervention Item, IReadOnlyList<Case> Cases)> Compared { get; } = [];
    public List<string> Problems { get; } = [];
    public IReadOnlyList<(string Slug, string Title, EvidenceLevel Evidence)> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var slugs = Request.Query[Key].OfType<string>().Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        if (slugs.Count > Max)
        {
            Problems.Add($"Je kunt hoogstens {Max} interventies tegelijk vergelijken. We tonen de eerste {Max}.");
            slugs = slugs.Take(Max).ToList();
        }
        foreach (var slug in slugs)
        {
            var lookup = SlugRules.IsValid(slug) ? await queries.FindAsync(ContentType.Intervention, slug, cancellationToken) : new Lookup.Missing();
            if (lookup is Lookup.Moved moved)
                lookup = await queries.FindAsync(ContentType.Intervention, moved.Url[(moved.Url.LastIndexOf('/') + 1)..], cancellationToken);
            if (lookup is Lookup.Found { Item: Intervention intervention } && Compared.All(c => c.Item.Id != intervention.Id))
                Compared.Add((intervention, (await queries.ReferencingAsync(intervention, cancellationToken)).OfType<Case>().ToList()));
            else if (lookup is not Lookup.Found)
                Problems.Add($"Er is geen gepubliceerde interventie met de naam '{Shorten(slug)}'. Misschien is de link oud of verkeerd overgenomen.");
        }
        // One order for every address with the same slugs: the output cache varies by the query's values, not their order.
        Compared.Sort((a, b) => string.Compare(a.Item.Title, b.Item.Title, StringComparison.CurrentCulture));
        if (Compared.Count < Min)
            Problems.Add($"Kies minstens {Min} interventies om te vergelijken.");
        Choices = await queries.InterventionChoicesAsync(cancellationToken);
        return Page();
    }

    public bool IsChosen(string slug) => Compared.Any(c => c.Item.Slug == slug);

    /// <summary>This comparison's address without one of them.</summary>
    public string? UrlWithout(Intervention item) =>
        Url.Page("/Compare/Vergelijken", new { i = Compared.Where(c => c.Item.Id != item.Id).Select(c => c.Item.Slug).ToArray() });

    /// <summary>The comparison's own stable address: the slugs found, in the order given.</summary>
    public string? OwnUrl => Url.Page("/Compare/Vergelijken", new { i = Compared.Select(c => c.Item.Slug).ToArray() });

    private static string Shorten(string text) => Kennisplatform.Content.Rendering.ShortText.Cut(text, 60);
}
