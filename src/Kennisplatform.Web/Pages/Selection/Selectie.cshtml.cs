using Kennisplatform.Content.Model;
using Kennisplatform.Web.OpenData;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Selection;

/// <summary>/selectie: the visitor's own list of cases, interventions, connectors and instruments, held in the address.</summary>
/// <remarks>Not kept in the output cache: its key sorts a query key's values, and here their order decides which items are kept.</remarks>
[Microsoft.AspNetCore.OutputCaching.OutputCache(NoStore = true)]
public sealed class SelectieModel(SiteQueries queries) : PageModel
{
    public List<string> Problems { get; } = [];
    public List<SelectionEntry> Entries { get; private set; } = [];
    public List<ContentItem> Items { get; } = [];
    /// <summary>What can still be added, by type: slug and title only.</summary>
    public ILookup<ContentType, (ContentType Type, string Slug, string Title)> Choices { get; private set; } = Array.Empty<(ContentType, string, string)>().ToLookup(c => c.Item1);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Entries = SelectionAddress.Parse(Request.Query, Problems);
        // An added item ("erbij") is folded into the canonical address, so what is bookmarked is always the plain list.
        if (Request.Query.ContainsKey(SelectionAddress.AddKey) && Problems.Count == 0)
            return Redirect(Url.Page("/Selection/Selectie", SelectionAddress.RouteValues(Entries))!);
        await LoadAsync(cancellationToken);
        Choices = (await queries.ChoicesAsync(SelectionAddress.Types, cancellationToken))
            .Where(c => !Entries.Contains(new(c.Type, c.Slug))).ToLookup(c => c.Type);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        Entries = SelectionAddress.Parse(Request.Query, Problems);
        await LoadAsync(cancellationToken);
        Response.Headers.ContentDisposition = "attachment; filename=\"mijn-selectie.csv\"";
        return File(Csv.Write(Items, i => PublicUrls.Absolute(HttpContext, Sections.UrlOf(i))), "text/csv; charset=utf-8");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var group in Entries.GroupBy(e => e.Type))
        {
            var found = await queries.FindManyAsync(group.Key, group.Select(e => e.Slug).ToList(), cancellationToken);
            foreach (var entry in group)
            {
                if (found.FirstOrDefault(i => i.Slug == entry.Slug) is { } item)
                    Items.Add(item);
                else
                    Problems.Add($"De {entry.Type.Label().ToLowerInvariant()} '{entry.Slug}' is niet (meer) te vinden. Misschien is die hernoemd of niet meer gepubliceerd.");
            }
        }
        // One order for every address with the same items: the output cache varies by the query's values, not their order.
        Items.Sort((a, b) => (SelectionAddress.Rank(a.Kind), a.Title).CompareTo((SelectionAddress.Rank(b.Kind), b.Title)));
    }

    public string? AddressWithout(ContentItem item) =>
        Url.Page("/Selection/Selectie", SelectionAddress.RouteValues(Entries.Where(e => e != new SelectionEntry(item.Kind, item.Slug))));

    public string? OwnAddress => Url.Page("/Selection/Selectie", SelectionAddress.RouteValues(Entries));

    public string? CsvAddress => Url.Page("/Selection/Selectie", "Csv", SelectionAddress.RouteValues(Entries));
}
