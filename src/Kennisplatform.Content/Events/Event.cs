using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Events;

/// <summary>Bijeenkomst: a meeting online or in a place. Times are stored in UTC and shown in Europe/Amsterdam.</summary>
public class Event : ContentItem
{
    public override ContentType Kind => ContentType.Event;

    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string LocationName { get; set; } = "";
    public string Address { get; set; } = "";
    public string Place { get; set; } = "";
    public string OnlineUrl { get; set; } = "";
    public string Audience { get; set; } = "";
    public string Registration { get; set; } = "";
    public EventStatus EventStatus { get; set; } = EventStatus.Planned;
    /// <summary>Oogst: what the meeting brought, written afterwards (Markdown).</summary>
    public string Harvest { get; set; } = "";
    /// <summary>People sign up on the event page. Then the online link goes only to those registered.</summary>
    public bool TakesRegistrations { get; set; }
    /// <summary>Places; null is no limit. When full, new registrations go on the waiting list.</summary>
    public int? Capacity { get; set; }
    /// <summary>UTC; after it nobody can sign up. Null: until the event starts.</summary>
    public DateTime? RegistrationDeadline { get; set; }
    /// <summary>The programme, one part a line: "19:30 Welkom", "19:45–20:30 Pitches".</summary>
    public string Programme { get; set; } = "";
    /// <summary>Raised by every registration and cancellation: the row a registration locks, so places are counted one at a time.</summary>
    public int RegistrationTurn { get; set; }

    public IEnumerable<(string Time, string Part)> ProgrammeLines() =>
        Programme.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.TrimStart('-', '*', ' '))
            .Select(line => line.IndexOf(' ') is var space and > 0 && char.IsDigit(line[0]) ? (line[..space], line[(space + 1)..].Trim()) : ("", line));

    /// <summary>Whether someone may sign up at <paramref name="utcNow"/>: registrations taken, not cancelled, deadline and start not passed.</summary>
    public bool IsOpenForRegistrationAt(DateTime utcNow) =>
        TakesRegistrations && EventStatus != EventStatus.Cancelled && utcNow < (RegistrationDeadline ?? StartsAt) && utcNow < StartsAt;

    /// <summary>Whether this event overlaps <paramref name="other"/> in time (touching ends do not overlap).</summary>
    public bool OverlapsInTime(Event other) =>
        other.Id != Id && StartsAt < (other.EndsAt > other.StartsAt ? other.EndsAt : other.StartsAt.AddHours(1))
        && other.StartsAt < (EndsAt > StartsAt ? EndsAt : StartsAt.AddHours(1));

    public bool HasEndedAt(DateTime utcNow) => EndsAt <= utcNow;

    protected override IEnumerable<ValidationError> ValidateCompleteness()
    {
        if (StartsAt == default)
            yield return new("starts", "Geef de begintijd, bijvoorbeeld 2026-03-12 19:30.");
        if (EndsAt == default)
            yield return new("ends", "Geef de eindtijd, bijvoorbeeld 2026-03-12 21:30.");
        if (string.IsNullOrWhiteSpace(LocationName) && string.IsNullOrWhiteSpace(OnlineUrl))
            yield return new("location", "Geef een plek of een link voor online deelname.");
    }

    protected override IEnumerable<ValidationError> ValidateType()
    {
        if (EndsAt != default && StartsAt != default && EndsAt < StartsAt)
            yield return new("ends", "De eindtijd ligt voor de begintijd.");
        if (Capacity is < 1 or > 100_000)
            yield return new("capacity", "Het aantal plaatsen is een heel getal vanaf 1; leeg laten als er geen grens is.");
        if (RegistrationDeadline is { } deadline && StartsAt != default && deadline > StartsAt)
            yield return new("registration_deadline", "Aanmelden moet sluiten voor de bijeenkomst begint.");
        if ((Capacity is not null || RegistrationDeadline is not null) && !TakesRegistrations)
            yield return new("sign_up", "Een aantal plaatsen of een sluitingsdatum heeft alleen zin als mensen zich kunnen aanmelden (sign_up: ja).");
        // Where the platform takes the registrations it counts the places itself: "vol" follows from them, and a
        // hand-set "vol" would close a meeting that still has room (or stay after people cancel).
        if (EventStatus == EventStatus.Full && TakesRegistrations)
            yield return new("event_status", "Of de bijeenkomst vol is, volgt vanzelf uit de aanmeldingen. Kies gepland of afgelast.");
        if (OnlineUrl.Length > 0 && !WebAddress.IsValid(OnlineUrl))
            yield return new("online_url", "De link voor online deelname moet beginnen met https:// of http://.");
    }
}

public enum EventStatus
{
    [Dutch("gepland", "Gepland")] Planned,
    /// <summary>Only for a meeting whose registration runs elsewhere; with sign-up on the platform it follows from the registrations.</summary>
    [Dutch("vol", "Vol")] Full,
    [Dutch("afgelast", "Afgelast")] Cancelled,
}
