using Kennisplatform.Content.Events;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Principles;
using Kennisplatform.Content.Themes;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages;

public sealed class IndexModel(SiteQueries queries) : PageModel
{
    public IReadOnlyList<ContentItem> LatestCases { get; private set; } = [];
    public IReadOnlyList<ContentItem> Interventions { get; private set; } = [];
    public IReadOnlyList<ContentItem> Connectors { get; private set; } = [];
    public IReadOnlyList<Event> UpcomingEvents { get; private set; } = [];
    public IReadOnlyList<Event> PastEvents { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<Principle> Principles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        LatestCases = await queries.LatestAsync(ContentType.Case, 6, cancellationToken);
        Interventions = await queries.LatestAsync(ContentType.Intervention, 3, cancellationToken);
        Connectors = await queries.LatestAsync(ContentType.Connector, 3, cancellationToken);
        UpcomingEvents = await queries.UpcomingEventsAsync(3, cancellationToken);
        if (UpcomingEvents.Count == 0)
            PastEvents = await queries.PastEventsAsync(3, cancellationToken);
        Themes = await queries.ThemesAsync(cancellationToken);
        Principles = await queries.PrinciplesAsync(cancellationToken);
    }
}
