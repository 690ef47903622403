using Kennisplatform.Content.Events;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Events;

/// <summary>
/// The seed content's example events (fictional, taking registrations) should be upcoming whenever a site is first
/// started, so a newcomer can try registering. On the first import, each one that lies in the past moves forward by
/// whole weeks (same weekday and time) until it lies at least a week ahead.
/// </summary>
public static class ExampleEvents
{
    public static async Task<int> MoveIntoFutureAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<ContentDb>();
        var store = services.GetRequiredService<ContentStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var ids = await db.Items.OfType<Event>().Where(e => e.IsFictional && e.TakesRegistrations && e.StartsAt < now.AddDays(7))
            .Select(e => e.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var e = (Event)(await store.LoadForEditAsync(id, cancellationToken))!;
            var weeks = (int)Math.Ceiling((now.AddDays(7) - e.StartsAt).TotalDays / 7);
            var shift = TimeSpan.FromDays(7 * weeks);
            e.StartsAt += shift;
            e.EndsAt += shift;
            if (e.RegistrationDeadline is { } deadline)
                e.RegistrationDeadline = deadline + shift;
            await store.SaveAsync(e, "import", e.Version, cancellationToken);
        }
        return ids.Count;
    }
}
