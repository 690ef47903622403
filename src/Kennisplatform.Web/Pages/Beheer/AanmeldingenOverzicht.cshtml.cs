using Kennisplatform.Content.Events;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>Every event people sign up for through the site, coming ones first, with how full it is.</summary>
[Authorize(Policy = Roles.Publishing)]
public sealed class AanmeldingenOverzichtModel(ContentDb db, TimeProvider clock) : PageModel
{
    /// <summary>Past events shown; older ones stay reachable from their item.</summary>
    public const int PastShown = 50;

    public sealed record Row(int Id, string Title, DateTime StartsAt, int? Capacity, int Taken, int Waiting, bool Cancelled);

    public IReadOnlyList<Row> Coming { get; private set; } = [];
    public IReadOnlyList<Row> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = db.Items.OfType<Event>().AsNoTracking().Where(e => e.TakesRegistrations);
        Coming = await RowsAsync(events.Where(e => e.StartsAt >= now).OrderBy(e => e.StartsAt), cancellationToken);
        Past = await RowsAsync(events.Where(e => e.StartsAt < now).OrderByDescending(e => e.StartsAt).Take(PastShown), cancellationToken);
    }

    /// <summary>One query, counts included, however many events and registrations there are.</summary>
    private Task<List<Row>> RowsAsync(IQueryable<Event> events, CancellationToken cancellationToken) =>
        events.Select(e => new Row(
            e.Id, e.Title, e.StartsAt, e.Capacity,
            db.Registrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Confirmed),
            db.Registrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waiting),
            e.EventStatus == EventStatus.Cancelled)).ToListAsync(cancellationToken);
}
