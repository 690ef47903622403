using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Places;

/// <summary>What happens in one place: its cases with their outcomes, connectors, events and the interventions used there.</summary>
public sealed record PlaceContent(
    Place Place, IReadOnlyList<Case> Cases, IReadOnlyList<Connector> Connectors, IReadOnlyList<Event> Upcoming, IReadOnlyList<Event> Past,
    IReadOnlyList<(Intervention Intervention, int Cases)> Interventions, IReadOnlyList<(Place Place, int Items)> Neighbourhoods, IReadOnlyList<string> CbsCodes)
{
    public int Count => Cases.Count + Connectors.Count + Upcoming.Count + Past.Count;
}

public sealed record PlaceSummary(Place Place, int Cases, int Connectors, int Events, IReadOnlyList<(Place Place, int Items)> Neighbourhoods);

/// <summary>
/// Places are read from the items themselves, so every place that has something published has a page and none is
/// empty. The published items with a place are few compared to what one request may read (thousands, not millions).
/// </summary>
public sealed class PlaceQueries(ContentDb db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<List<(ContentItem Item, Place Place)>> LocatedAsync(CancellationToken cancellationToken)
    {
        var visible = db.Items.AsNoTracking().VisibleAt(Now);
        var cases = await visible.OfType<Case>().Include(c => c.Interventions).OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Title).ToListAsync(cancellationToken);
        var connectors = await visible.OfType<Connector>().OrderBy(c => c.Title).ToListAsync(cancellationToken);
        var events = await visible.OfType<Event>().OrderBy(e => e.StartsAt).ToListAsync(cancellationToken);
        return cases.Cast<ContentItem>().Concat(connectors).Concat(events)
            .Select(i => (Item: i, Place: PlaceRules.Of(i)))
            .Where(x => x.Place is not null)
            .Select(x => (x.Item, x.Place!))
            .ToList();
    }

    public async Task<IReadOnlyList<PlaceSummary>> MunicipalitiesAsync(CancellationToken cancellationToken) =>
        (await LocatedAsync(cancellationToken))
            .GroupBy(x => x.Place.MunicipalitySlug)
            .Select(g => new PlaceSummary(new(NameOf(g.Select(x => x.Place.Municipality)), ""),
                g.Count(x => x.Item is Case), g.Count(x => x.Item is Connector), g.Count(x => x.Item is Event), Neighbourhoods(g)))
            .OrderBy(s => s.Place.Municipality, StringComparer.Create(Content.Model.DutchTime.Culture, true))
            .ToList();

    /// <summary>Everything in a municipality, or in one neighbourhood of it; null when nothing published is there.</summary>
    public async Task<PlaceContent?> PlaceAsync(string municipalitySlug, string? neighbourhoodSlug, CancellationToken cancellationToken)
    {
        var inMunicipality = (await LocatedAsync(cancellationToken)).Where(x => x.Place.MunicipalitySlug == municipalitySlug).ToList();
        var here = string.IsNullOrEmpty(neighbourhoodSlug) ? inMunicipality : inMunicipality.Where(x => x.Place.NeighbourhoodSlug == neighbourhoodSlug).ToList();
        if (here.Count == 0)
            return null;
        var place = new Place(NameOf(here.Select(x => x.Place.Municipality)),
            string.IsNullOrEmpty(neighbourhoodSlug) ? "" : NameOf(here.Select(x => x.Place.Neighbourhood)));
        var cases = here.Select(x => x.Item).OfType<Case>().ToList();
        var events = here.Select(x => x.Item).OfType<Event>().ToList();
        var interventions = cases.SelectMany(c => c.Interventions).Where(i => i.IsVisibleAt(Now))
            .GroupBy(i => i.Id).Select(g => (g.First(), g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Item1.Title).ToList();
        // A municipality page shows the municipality's code, whatever area its cases name; a neighbourhood page only the
        // codes of wijken and buurten, never the whole municipality's as if it were the neighbourhood's.
        var codes = cases.Select(c => c.CbsCode).Where(c => c.Length > 0).ToList();
        codes = string.IsNullOrEmpty(neighbourhoodSlug)
            ? codes.Select(PlaceRules.MunicipalityCode).OfType<string>().ToList()
            : codes.Where(PlaceRules.IsNeighbourhoodCode).ToList();
        return new PlaceContent(place, cases, here.Select(x => x.Item).OfType<Connector>().ToList(),
            events.Where(e => !e.HasEndedAt(Now)).ToList(), events.Where(e => e.HasEndedAt(Now)).OrderByDescending(e => e.StartsAt).ToList(),
            interventions, string.IsNullOrEmpty(neighbourhoodSlug) ? Neighbourhoods(inMunicipality) : [], codes.Distinct().Order().ToList());
    }

    private static List<(Place, int)> Neighbourhoods(IEnumerable<(ContentItem Item, Place Place)> items) =>
        items.Where(x => x.Place.Neighbourhood.Length > 0).GroupBy(x => x.Place.NeighbourhoodSlug)
            .Select(g => (new Place(g.First().Place.Municipality, NameOf(g.Select(x => x.Place.Neighbourhood))), g.Count()))
            .OrderBy(x => x.Item1.Neighbourhood, StringComparer.Create(Content.Model.DutchTime.Culture, true)).ToList();

    /// <summary>Editors may write "den haag" once and "Den Haag" elsewhere: the page shows the most used spelling.</summary>
    private static string NameOf(IEnumerable<string> spellings) =>
        spellings.GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
}
