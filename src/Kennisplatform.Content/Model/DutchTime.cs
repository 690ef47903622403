using System.Globalization;

namespace Kennisplatform.Content.Model;

/// <summary>Moments are stored in UTC and read and written by people in Dutch local time.</summary>
public static class DutchTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Null when the local time does not exist (the hour skipped when summer time starts).</summary>
    public static DateTime? ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
            return null;
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    /// <summary>ISO 8601 in Dutch local time with its offset, for open data: "2019-01-29T16:00:00+01:00".</summary>
    public static string Iso(DateTime utc)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(ToLocal(utc), Zone.GetUtcOffset(utc)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>"zondag 29 januari 2019".</summary>
    public static string LongDate(DateTime utc) => ToLocal(utc).ToString("dddd d MMMM yyyy", Culture);

    /// <summary>"29 januari 2019".</summary>
    public static string Date(DateTime utc) => ToLocal(utc).ToString("d MMMM yyyy", Culture);

    /// <summary>"29 januari 2019 om 16:00", or only the date when the moment is midnight (a date without a time).</summary>
    public static string DateAndTime(DateTime utc) =>
        ToLocal(utc).TimeOfDay == TimeSpan.Zero ? Date(utc) : $"{Date(utc)} om {Time(utc)}";

    /// <summary>"16:00".</summary>
    public static string Time(DateTime utc) => ToLocal(utc).ToString("HH:mm", Culture);
}
