using Kennisplatform.Web.Places;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Places;

public sealed class GemeentenModel(PlaceQueries places) : PageModel
{
    public IReadOnlyList<PlaceSummary> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Municipalities = await places.MunicipalitiesAsync(cancellationToken);

    public static string Counted(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
