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
        var text = Write(events, PublicUrls.Base(context));
        context.Response.Headers.ContentDisposition = $"inline; filename=\"{name}.ics\"";
        return Results.Text(text, "text/calendar; charset=utf-8");
    }

    /// <summary>
    /// The calendar text for <paramref name="events"/>, also attached to registration mails. The online link goes in
    /// only when <paramref name="withOnlineLink"/>: for a registrant, never in the public file of an event that takes
    /// registrations.
    /// </summary>
    public static string Write(IEnumerable<Event> events, string baseUrl, bool withOnlineLink = false)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Kennisplatform wijken//NL" };
        calendar.AddProperty("X-WR-CALNAME", "Bijeenkomsten – Kennisplatform wijken");
        foreach (var e in events)
        {
            var url = baseUrl + Sections.UrlOf(e);
            var dayOnly = e.StartsAt == e.EndsAt;
            var programme = string.Join("\n", e.ProgrammeLines().Select(p => p.Time.Length > 0 ? $"{p.Time} {p.Part}" : p.Part));
            var online = withOnlineLink || !e.TakesRegistrations ? e.OnlineUrl : "";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{e.Slug}@kennisplatform-wijken",
                Summary = e.Title,
                Description = string.Join("\n\n", new[] { e.Summary, programme.Length > 0 ? "Programma:\n" + programme : "", online.Length > 0 ? "Online meedoen: " + online : "", url }.Where(s => s.Length > 0)),
                Location = string.Join(", ", new[] { e.LocationName, e.Address, e.Place }.Where(s => s.Length > 0)),
                Url = new Uri(url),
                DtStamp = new CalDateTime(e.UpdatedAt.ToUniversalTime(), "UTC"),
                // An event whose time is unknown is a whole day in Dutch local time.
                DtStart = dayOnly ? new CalDateTime(DateOnly.FromDateTime(Content.Model.DutchTime.ToLocal(e.StartsAt))) : new CalDateTime(e.StartsAt, "UTC"),
                DtEnd = dayOnly ? new CalDateTime(DateOnly.FromDateTime(Content.Model.DutchTime.ToLocal(e.StartsAt)).AddDays(1)) : new CalDateTime(e.EndsAt, "UTC"),
                Status = e.EventStatus == Content.Events.EventStatus.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
