using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Alerts;

public enum AlertKind
{
    [Dutch("thema", "Thema")] Theme,
    [Dutch("type", "Soort")] Type,
    [Dutch("zoekopdracht", "Zoekopdracht")] Search,
}

public enum AlertFrequency
{
    [Dutch("week", "Elke week")] Weekly,
    [Dutch("maand", "Elke maand")] Monthly,
}

/// <summary>
/// "Houd me op de hoogte": new content on a theme, a type or a search, by mail. Nothing is sent before the address
/// confirmed (double opt-in). A record of its own. The code in the confirm and unsubscribe links is stored as is (not
/// as a hash, unlike registrations): every digest carries it, so the unsubscribe link in any older mail keeps working.
/// </summary>
public class Subscription
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
    public AlertKind Kind { get; set; }
    /// <summary>A theme's slug, a type's code or the search words.</summary>
    public string Value { get; set; } = "";
    /// <summary>What the person sees: the theme's title, the type's plural, the search words.</summary>
    public string Label { get; set; } = "";
    public AlertFrequency Frequency { get; set; }
    public string Code { get; set; } = "";
    /// <summary>The site's address when the person subscribed, for links in digests sent later by a background job.</summary>
    public string BaseUrl { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>The last digest covered what was published up to this moment.</summary>
    public DateTime? CoveredUntil { get; set; }

    public TimeSpan Interval => Frequency == AlertFrequency.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(30);

    public bool IsDueAt(DateTime utcNow) => ConfirmedAt is not null && utcNow - (CoveredUntil ?? ConfirmedAt.Value) >= Interval;
}
