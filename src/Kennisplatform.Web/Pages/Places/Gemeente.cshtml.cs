using Kennisplatform.Web.Places;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Pages.Places;

/// <summary>/gemeenten/{gemeente} and /gemeenten/{gemeente}/{wijk}: everything published about one place.</summary>
public sealed class GemeenteModel(PlaceQueries places, IOptions<PlaceOptions> options) : PageModel
{
    public PlaceContent Here { get; private set; } = null!;
    public PlaceOptions Options => options.Value;
    public bool IsNeighbourhood => Here.Place.Neighbourhood.Length > 0;

    public async Task<IActionResult> OnGetAsync(string gemeente, string? wijk, CancellationToken cancellationToken)
    {
        if (await places.PlaceAsync(gemeente, wijk, cancellationToken) is not { } content)
            return NotFound();
        Here = content;
        return Page();
    }

    public string Name => IsNeighbourhood ? $"{Here.Place.Neighbourhood} ({Here.Place.Municipality})" : Here.Place.Municipality;
}
