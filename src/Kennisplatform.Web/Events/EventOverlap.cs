using Kennisplatform.Content.Events;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Events;

/// <summary>No two participation evenings at the same time in the same place: other events that overlap in time in the same municipality.</summary>
public static class EventOverlap
{
    public static async Task<IReadOnlyList<Event>> FindAsync(ContentDb db, Event e, CancellationToken cancellationToken = default)
    {
        var place = e.Place.Trim().ToLower();
        if (place.Length == 0 || e.StartsAt == default)
            return [];
        // Candidates by place and a day either side in the database; the exact overlap rule runs here.
        var from = e.StartsAt.AddDays(-1);
        var to = (e.EndsAt > e.StartsAt ? e.EndsAt : e.StartsAt).AddDays(1);
        var candidates = await db.Items.OfType<Event>().AsNoTracking()
            .Where(o => o.Id != e.Id && o.Place.ToLower() == place && o.StartsAt < to && o.StartsAt > from.AddDays(-7)
                && o.Status != ContentStatus.Archived && o.EventStatus != EventStatus.Cancelled)
            .ToListAsync(cancellationToken);
        return candidates.Where(e.OverlapsInTime).OrderBy(o => o.StartsAt).ToList();
    }
}
