using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>
/// The search synonyms, for beheerders: words that mean the same when searching. Every node searches with the stored
/// list from its next indexing round (half a second); this node at once. An edit made on an older version is a
/// conflict that shows both lists, never an overwrite.
/// </summary>
[Authorize(Policy = Roles.Administration)]
public sealed class ZoekwoordenModel(ContentDb db, SearchSynonyms synonyms, SearchIndexer indexer, UserManager<Editor> users) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [BindProperty(Name = "lijst")]
    public string Text { get; set; } = "";

    [BindProperty(Name = "versie")]
    public int Version { get; set; }

    public SearchSynonyms.List Stored { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Conflicted { get; private set; }
    public int Groups => CountGroups(Stored.Text);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Stored = await synonyms.ReadAsync(db, cancellationToken);
        Text = Stored.Text;
        Version = Stored.Version;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => SaveAsync(Text, cancellationToken);

    public Task<IActionResult> OnPostStandaardAsync(CancellationToken cancellationToken) => SaveAsync(null, cancellationToken);

    private async Task<IActionResult> SaveAsync(string? text, CancellationToken cancellationToken)
    {
        var editor = await users.GetUserAsync(User);
        var email = User.Identity!.Name!;
        var (outcome, problems) = await synonyms.SaveAsync(db, text, Version, email, editor?.DisplayName is { Length: > 0 } name ? name : email, cancellationToken);
        if (outcome == SearchSynonyms.Outcome.Saved)
        {
            await indexer.CatchUpAsync(cancellationToken); // this node searches with the new list before the redirect lands
            Message = text is null ? "De standaardlijst wordt weer gebruikt." : "Opgeslagen. Zoeken gebruikt de nieuwe lijst meteen.";
            return RedirectToPage();
        }
        Stored = await synonyms.ReadAsync(db, cancellationToken);
        Problems = problems;
        Conflicted = outcome == SearchSynonyms.Outcome.Conflict;
        if (Conflicted)
            Version = Stored.Version; // saving again (after merging by hand) is then a deliberate choice
        ModelState.Clear();
        Response.StatusCode = Conflicted ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static int CountGroups(string text) =>
        text.Split('\n').Count(l => l.Trim() is { Length: > 0 } line && !line.StartsWith('#'));
}
