using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Trials;

/// <summary>
/// "Ik heb dit ook geprobeerd": a practitioner or resident reports trying an intervention or the approach of a case
/// elsewhere, and how it went. An experience, not evidence: it waits for an editor and never changes the evidence grade.
/// The reporter's name and e-mail address are private: never shown, never exported, and cleared after the same time
/// as the contact details of a shared story.
/// </summary>
public class TrialReport
{
    public const int PlaceMaxLength = 100;
    public const int ReasonMaxLength = 200;
    public const int FirstYear = 1990;

    /// <summary>The types whose items take reports: a method to try, or a case whose approach others copied.</summary>
    public static readonly IReadOnlySet<ContentType> Types = new HashSet<ContentType> { ContentType.Intervention, ContentType.Case };

    public int Id { get; set; }
    public int ItemId { get; set; }
    public ContentItem Item { get; set; } = null!;

    public string Municipality { get; set; } = "";
    public string Neighbourhood { get; set; } = "";
    public int Year { get; set; }
    /// <summary>1 to 12, or null when only the year is given.</summary>
    public int? Month { get; set; }
    public TrialResult Result { get; set; }
    /// <summary>One line: why it went this way.</summary>
    public string Reason { get; set; } = "";

    public TrialReportStatus Status { get; set; } = TrialReportStatus.Waiting;
    public DateTime ReceivedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public bool IsFictional { get; set; }

    /// <summary>Private: for questions from the editors only.</summary>
    public string ReporterName { get; set; } = "";
    /// <summary>Private: for questions from the editors only.</summary>
    public string ReporterEmail { get; set; } = "";

    public bool IsPublic => Status == TrialReportStatus.Published;

    /// <summary>"2024" or "2024-05": when it was tried, as open data and content files write it.</summary>
    public string When => Month is { } month ? $"{Year:D4}-{month:D2}" : $"{Year:D4}";

    /// <summary>"mei 2024" or "2024".</summary>
    public string WhenLabel => Month is { } month ? DutchTime.Culture.DateTimeFormat.GetMonthName(month) + " " + Year : Year.ToString(DutchTime.Culture);

    /// <summary>"Leeuwarden, Heechterp" or "Leeuwarden".</summary>
    public string Place => Neighbourhood.Length > 0 ? $"{Municipality}, {Neighbourhood}" : Municipality;

    /// <summary>Reads "2024" or "2024-05" into <see cref="Year"/> and <see cref="Month"/>; false when it is neither.</summary>
    public bool TrySetWhen(string? text)
    {
        text = text?.Trim() ?? "";
        var parts = text.Split('-');
        if (parts.Length is < 1 or > 2 || parts[0].Length != 4 || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
            return false;
        int? month = null;
        if (parts.Length == 2)
        {
            if (parts[1].Length is < 1 or > 2 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
                return false;
            month = m;
        }
        Year = year;
        Month = month;
        return true;
    }

    public IEnumerable<ValidationError> Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Municipality))
            yield return new("municipality", "Vul de gemeente in waar je het probeerde.");
        else if (Municipality.Length > PlaceMaxLength)
            yield return new("municipality", $"De naam van de gemeente is te lang: gebruik hoogstens {PlaceMaxLength} tekens.");
        if (Neighbourhood.Length > PlaceMaxLength)
            yield return new("neighbourhood", $"De naam van de wijk is te lang: gebruik hoogstens {PlaceMaxLength} tekens.");
        if (Year < FirstYear || Year > today.Year || (Year == today.Year && Month > today.Month) || Month is < 1 or > 12)
            yield return new("when", $"Kies een jaar (en eventueel een maand) tussen {FirstYear} en nu.");
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length < 10)
            yield return new("reason", "Schrijf in één zin (minstens 10 tekens) waarom het zo ging.");
        else if (Reason.Length > ReasonMaxLength)
            yield return new("reason", $"Houd het kort: hoogstens {ReasonMaxLength} tekens.");
        else if (Reason.Contains('\n') || Reason.Contains('\r'))
            yield return new("reason", "Schrijf de reden op één regel.");
        if (!Enum.IsDefined(Result))
            yield return new("result", "Kies hoe het ging: geslaagd, deels of mislukt.");
    }

    /// <summary>An editor approves a report; from then on it shows and is counted.</summary>
    public void Publish(DateTime at)
    {
        if (Status == TrialReportStatus.Published)
            throw new ContentRuleException("Deze ervaring is al gepubliceerd.");
        Status = TrialReportStatus.Published;
        PublishedAt = at;
    }

    /// <summary>An editor turns a report down; it never shows, and it goes with the retention period.</summary>
    public void Reject()
    {
        if (Status != TrialReportStatus.Waiting)
            throw new ContentRuleException("Alleen een ervaring die wacht, kan worden afgewezen.");
        Status = TrialReportStatus.Rejected;
    }
}

public enum TrialResult
{
    [Dutch("geslaagd", "Geslaagd")] Succeeded,
    [Dutch("deels", "Deels geslaagd")] Partly,
    [Dutch("mislukt", "Mislukt")] Failed,
}

public enum TrialReportStatus
{
    [Dutch("wacht", "Wacht op de redactie")] Waiting,
    [Dutch("gepubliceerd", "Gepubliceerd")] Published,
    [Dutch("afgewezen", "Afgewezen")] Rejected,
}
