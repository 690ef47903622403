using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.OpenData;

/// <summary>
/// iCal for events: one .ics per event and an agenda of everything still to come. Times are written in UTC,
/// which every calendar converts to local time correctly, in summer and in winter.
/// </summary>
public static class Calendar
{
    public static void MapCalendar(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/bijeenkomsten/agenda.ics", async (HttpContext context, ContentDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var upcoming = await db.Items.AsNoTracking().VisibleAt(now).OfType<Event>().Where(e => e.EndsAt > now).OrderBy(e => e.StartsAt).ToListAsync(cancellationToken);
            return Ics(upcoming, context, "agenda");
        }).ExcludeFromDescription();

        routes.MapGet("/bijeenkomsten/{slug}.ics", async (string slug, HttpContext context, ContentDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var found = await db.Items.AsNoTracking().VisibleAt(now).OfType<Event>().FirstOrDefaultAsync(e => e.Slug == slug, cancellationToken);
            return found is null ? Results.NotFound() : Ics([found], context, found.Slug);
        }).ExcludeFromDescription();
    }

    private static IResult Ics(IEnumerable<Event> events, HttpContext context, string name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Kennisplatform wijken//NL" };
        calendar.AddProperty("X-WR-CALNAME", "Bijeenkomsten – Kennisplatform wijken");
        foreach (var e in events)
        {
            var url = PublicUrls.Absolute(context, Sections.UrlOf(e));
            var dayOnly = e.StartsAt == e.EndsAt;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{e.Slug}@kennisplatform-wijken",
                Summary = e.Title,
                Description = $"{e.Summary}\n\n{url}",
                Location = string.Join(", ", new[] { e.LocationName, e.Address, e.Place }.Where(s => s.Length > 0)),
                Url = new Uri(url),
                DtStamp = new CalDateTime(e.UpdatedAt.ToUniversalTime(), "UTC"),
                // An event whose time is unknown is a whole day in Dutch local time.
                DtStart = dayOnly ? new CalDateTime(DateOnly.FromDateTime(Content.Model.DutchTime.ToLocal(e.StartsAt))) : new CalDateTime(e.StartsAt, "UTC"),
                DtEnd = dayOnly ? new CalDateTime(DateOnly.FromDateTime(Content.Model.DutchTime.ToLocal(e.StartsAt)).AddDays(1)) : new CalDateTime(e.EndsAt, "UTC"),
                Status = e.EventStatus == Content.Events.EventStatus.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
            });
        }
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        context.Response.Headers.ContentDisposition = $"inline; filename=\"{name}.ics\"";
        return Results.Text(text, "text/calendar; charset=utf-8");
    }
}
