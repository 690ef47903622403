using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Cases;

/// <summary>
/// Vervolg: what happened to a case since it was written ("Een jaar later"). Editors add them; anyone can propose one,
/// which waits until an editor publishes it. The proposer's name and e-mail address are private: never shown, never
/// exported, and cleared after the same time as the contact details of a shared story.
/// </summary>
public class FollowUp
{
    public const int TitleMaxLength = 150;
    public const int TextMaxLength = 5_000;

    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case Case { get; set; } = null!;

    /// <summary>The moment the follow-up is about, such as the day of the visit a year later.</summary>
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string Text { get; set; } = "";
    /// <summary>Is it still running? Null when not known.</summary>
    public bool? StillRunning { get; set; }
    /// <summary>The case's outcome as it looks now, when it changed; null when it did not.</summary>
    public CaseOutcome? NewOutcome { get; set; }

    public FollowUpStatus Status { get; set; } = FollowUpStatus.Proposed;
    public DateTime ReceivedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public bool IsFictional { get; set; }

    /// <summary>Private: for questions from the editors only.</summary>
    public string ProposerName { get; set; } = "";
    /// <summary>Private: for questions from the editors only.</summary>
    public string ProposerEmail { get; set; } = "";

    public bool IsPublic => Status == FollowUpStatus.Published;

    public IEnumerable<ValidationError> Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Title))
            yield return new("title", "Geef het vervolg een korte titel, bijvoorbeeld 'Een jaar later'.");
        else if (Title.Length > TitleMaxLength)
            yield return new("title", $"De titel is te lang: gebruik hoogstens {TitleMaxLength} tekens.");
        if (string.IsNullOrWhiteSpace(Text) || Text.Trim().Length < 20)
            yield return new("text", "Vertel in minstens 20 tekens wat er sindsdien gebeurde.");
        else if (Text.Length > TextMaxLength)
            yield return new("text", $"De tekst is te lang: gebruik hoogstens {TextMaxLength} tekens.");
        if (Date.Year < 1900 || Date > today)
            yield return new("date", "Kies een datum die al geweest is.");
    }

    /// <summary>An editor publishes a proposed follow-up; from then on it shows on the case and in open data.</summary>
    public void Publish(DateTime at)
    {
        if (Status == FollowUpStatus.Published)
            throw new ContentRuleException("Dit vervolg is al gepubliceerd.");
        if (Status == FollowUpStatus.Rejected)
            throw new ContentRuleException("Dit vervolg is afgewezen en kan niet meer worden gepubliceerd.");
        Status = FollowUpStatus.Published;
        PublishedAt = at;
    }

    /// <summary>An editor turns a proposal down; it never shows, and its contact details go with the retention period.</summary>
    public void Reject()
    {
        if (Status != FollowUpStatus.Proposed)
            throw new ContentRuleException("Alleen een voorgesteld vervolg kan worden afgewezen.");
        Status = FollowUpStatus.Rejected;
    }

    /// <summary>"Loopt nog", "Gestopt", or null.</summary>
    public string? RunningLabel => StillRunning switch { true => "Loopt nog", false => "Gestopt", null => null };
}

public enum FollowUpStatus
{
    [Dutch("voorgesteld", "Voorgesteld")] Proposed,
    [Dutch("gepubliceerd", "Gepubliceerd")] Published,
    [Dutch("afgewezen", "Afgewezen")] Rejected,
}
