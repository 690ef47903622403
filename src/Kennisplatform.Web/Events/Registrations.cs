using Kennisplatform.Content.Events;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Mail;
using Kennisplatform.Web.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Events;

public sealed record PlaceCount(int? Capacity, int Taken, int Waiting)
{
    public int? Left => Capacity is { } capacity ? Math.Max(0, capacity - Taken) : null;
    /// <summary>"Vol" follows from the registrations; nobody types it.</summary>
    public bool IsFull => Left == 0;
}

public enum RegisterOutcome { Confirmed, Waiting, AlreadyRegistered, Closed }

/// <summary>
/// Signing up and cancelling. Places are counted one registration at a time per event: each first raises the event's
/// RegistrationTurn with an UPDATE inside its transaction, which locks that row (PostgreSQL) or the database (SQLite)
/// until it commits, so the count that decides "place or waiting list" is never stale. No overbooking, on either engine.
/// </summary>
public sealed class Registrations(ContentDb db, Mailer mailer, TimeProvider clock)
{
    public async Task<PlaceCount> PlacesAsync(Event e, CancellationToken cancellationToken = default)
    {
        var counts = await db.Registrations.AsNoTracking().Where(r => r.EventId == e.Id && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new(e.Capacity, counts.FirstOrDefault(c => c.Key == RegistrationStatus.Confirmed)?.Count ?? 0,
            counts.FirstOrDefault(c => c.Key == RegistrationStatus.Waiting)?.Count ?? 0);
    }

    public async Task<RegisterOutcome> RegisterAsync(Event e, string name, string email, string organisation, string needs, string baseUrl, CancellationToken cancellationToken)
    {
        var (code, hash) = SecretCodes.New();
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await TakeTurnAsync(e.Id, cancellationToken);
            var current = await db.Items.OfType<Event>().AsNoTracking().SingleAsync(x => x.Id == e.Id, cancellationToken);
            if (!current.IsOpenForRegistrationAt(clock.GetUtcNow().UtcDateTime))
                return RegisterOutcome.Closed;
            if (await db.Registrations.AnyAsync(r => r.EventId == e.Id && r.Email == email && r.Status != RegistrationStatus.Cancelled, cancellationToken))
                return RegisterOutcome.AlreadyRegistered;
            var taken = await db.Registrations.CountAsync(r => r.EventId == e.Id && r.Status == RegistrationStatus.Confirmed, cancellationToken);
            var status = current.Capacity is { } capacity && taken >= capacity ? RegistrationStatus.Waiting : RegistrationStatus.Confirmed;
            db.Registrations.Add(new Registration
            {
                EventId = e.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, Name = name, Email = email,
                Organisation = organisation, Needs = needs, Status = status, CancelCodeHash = hash,
            });
            mailer.Queue(status == RegistrationStatus.Confirmed
                ? Confirmation(current, name, email, code, baseUrl, movedUp: false)
                : WaitingListMail(current, name, email, code, baseUrl));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return status == RegistrationStatus.Confirmed ? RegisterOutcome.Confirmed : RegisterOutcome.Waiting;
        });
        mailer.Wake();
        return outcome;
    }

    public Task<Registration?> FindAsync(string? code, CancellationToken cancellationToken) =>
        db.Registrations.AsNoTracking().Include(r => r.Event).FirstOrDefaultAsync(r => r.CancelCodeHash == SecretCodes.Hash(code), cancellationToken);

    /// <summary>Cancels the registration behind <paramref name="code"/>; a freed place goes to the first on the waiting list, who is told by mail.</summary>
    public async Task<bool> CancelAsync(string? code, string baseUrl, CancellationToken cancellationToken)
    {
        var hash = SecretCodes.Hash(code);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.CancelCodeHash == hash, cancellationToken);
        if (registration is not { IsActive: true })
            return false;
        await TakeTurnAsync(registration.EventId, cancellationToken);
        var freedPlace = registration.Status == RegistrationStatus.Confirmed;
        registration.Cancel();
        var e = await db.Items.OfType<Event>().AsNoTracking().SingleAsync(x => x.Id == registration.EventId, cancellationToken);
        if (freedPlace && e.StartsAt > clock.GetUtcNow().UtcDateTime && e.EventStatus != EventStatus.Cancelled
            && await db.Registrations.Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waiting).OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken) is { } next)
        {
            next.MoveUp();
            // The code of the first mail is unknown here (only its hash is kept): the moved-up person gets a new one.
            var (newCode, newHash) = SecretCodes.New();
            next.CancelCodeHash = newHash;
            mailer.Queue(Confirmation(e, next.Name, next.Email, newCode, baseUrl, movedUp: true));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        mailer.Wake();
        return true;
    }

    private Task<int> TakeTurnAsync(int eventId, CancellationToken cancellationToken) =>
        db.Items.OfType<Event>().Where(x => x.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RegistrationTurn, x => x.RegistrationTurn + 1), cancellationToken);

    public static string When(Event e) =>
        e.StartsAt == e.EndsAt ? DutchTime.LongDate(e.StartsAt) : $"{DutchTime.LongDate(e.StartsAt)}, {DutchTime.Time(e.StartsAt)} tot {DutchTime.Time(e.EndsAt)} uur";

    public static string Where(Event e) => string.Join(", ", new[] { e.LocationName, e.Address, e.Place }.Where(s => s.Length > 0));

    private static MailMessage Confirmation(Event e, string name, string email, string code, string baseUrl, bool movedUp)
    {
        var paragraphs = new List<string>
        {
            movedUp ? $"Goed nieuws: er is een plek vrijgekomen bij '{e.Title}'. Je stond op de wachtlijst en je bent nu aangemeld."
                    : $"Je bent aangemeld voor '{e.Title}'.",
            $"Wanneer: {When(e)}.",
        };
        if (Where(e).Length > 0)
            paragraphs.Add($"Waar: {Where(e)}.");
        if (e.OnlineUrl.Length > 0)
            paragraphs.Add($"Online meedoen: {e.OnlineUrl}\nDeze link is alleen voor wie aangemeld is. Geef hem niet door.");
        var programme = string.Join("\n", e.ProgrammeLines().Select(p => p.Time.Length > 0 ? $"{p.Time}  {p.Part}" : p.Part));
        if (programme.Length > 0)
            paragraphs.Add("Programma:\n" + programme);
        paragraphs.Add("In de bijlage zit de bijeenkomst als agendabestand. Kun je toch niet komen? Meld je dan af met de knop hieronder: dan kan iemand van de wachtlijst jouw plek krijgen.");
        return new MailMessage("aanmelding", email, name, movedUp ? $"Er is een plek voor je: {e.Title}" : $"Aangemeld: {e.Title}", paragraphs)
        {
            Link = new("Afmelden", $"{baseUrl}/bijeenkomsten/afmelden?code={code}"),
            Attachment = ("bijeenkomst.ics", "text/calendar", System.Text.Encoding.UTF8.GetBytes(Calendar.Write([e], baseUrl, withOnlineLink: true))),
        };
    }

    private static MailMessage WaitingListMail(Event e, string name, string email, string code, string baseUrl) =>
        new("wachtlijst", email, name, $"Op de wachtlijst: {e.Title}",
        [
            $"'{e.Title}' ({When(e)}) is vol. Je staat op de wachtlijst.",
            "Meldt iemand zich af, dan krijgt de eerste op de wachtlijst de plek. Je krijgt dan meteen een e-mail met alle gegevens.",
            "Wil je niet meer op de wachtlijst staan? Meld je af met de knop hieronder.",
        ])
        { Link = new("Afmelden", $"{baseUrl}/bijeenkomsten/afmelden?code={code}") };

    /// <summary>A message from the editors to everyone registered or waiting, e.g. a change of room.</summary>
    public async Task<int> MailEveryoneAsync(Event e, string subject, string message, CancellationToken cancellationToken)
    {
        var people = await db.Registrations.AsNoTracking().Where(r => r.EventId == e.Id && r.Status != RegistrationStatus.Cancelled).ToListAsync(cancellationToken);
        foreach (var person in people)
            mailer.Queue(new MailMessage("bericht-deelnemers", person.Email, person.Name, subject,
                [$"Een bericht over '{e.Title}' ({When(e)}):"])
            { Quote = message });
        await db.SaveChangesAsync(cancellationToken);
        mailer.Wake();
        return people.Count;
    }
}
