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

    public bool HasEndedAt(DateTime utcNow) => EndsAt <= utcNow;

    protected override IEnumerable<ValidationError> ValidateType()
    {
        if (StartsAt == default)
            yield return new("starts", "Geef de begintijd, bijvoorbeeld 2026-03-12 19:30.");
        if (EndsAt == default)
            yield return new("ends", "Geef de eindtijd, bijvoorbeeld 2026-03-12 21:30.");
        else if (EndsAt < StartsAt)
            yield return new("ends", "De eindtijd ligt voor de begintijd.");
        if (string.IsNullOrWhiteSpace(LocationName) && string.IsNullOrWhiteSpace(OnlineUrl))
            yield return new("location", "Geef een plek of een link voor online deelname.");
        if (OnlineUrl.Length > 0 && !WebAddress.IsValid(OnlineUrl))
            yield return new("online_url", "De link voor online deelname moet beginnen met https:// of http://.");
    }
}

public enum EventStatus
{
    [Dutch("gepland", "Gepland")] Planned,
    [Dutch("vol", "Vol")] Full,
    [Dutch("afgelast", "Afgelast")] Cancelled,
}
