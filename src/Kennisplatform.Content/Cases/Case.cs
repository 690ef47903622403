using System.Text.RegularExpressions;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.FailurePatterns;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Cases;

/// <summary>Praktijkvoorbeeld: what happened in a real neighbourhood, success or failure, with its lessons.</summary>
public partial class Case : ContentItem
{
    public override ContentType Kind => ContentType.Case;

    public CaseOutcome? Outcome { get; set; }
    public EvaluationStage Evaluation { get; set; } = EvaluationStage.None;
    public string Municipality { get; set; } = "";
    public string Neighbourhood { get; set; } = "";
    /// <summary>Optional CBS area code: GM0363 (gemeente), WK036301 (wijk) or BU03630100 (buurt).</summary>
    public string CbsCode { get; set; } = "";
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public string WhatWorked { get; set; } = "";
    public string WhatDidNotWork { get; set; } = "";
    public string DoDifferently { get; set; } = "";
    public string ResidentsRole { get; set; } = "";
    public string MunicipalityRole { get; set; } = "";
    public string Partners { get; set; } = "";

    public List<Intervention> Interventions { get; set; } = [];
    /// <summary>The failure patterns this case shows; every failed or partly failed case should name them.</summary>
    public List<FailurePattern> FailurePatterns { get; set; } = [];
    /// <summary>What happened since, proposed and published; the public sees only <see cref="FollowUp.IsPublic"/> ones.</summary>
    public List<FollowUp> FollowUps { get; set; } = [];
    public int? ContactConnectorId { get; set; }
    public Connector? ContactConnector { get; set; }

    /// <summary>"2019 tot 2022", "sinds 2021", "2020", or null when no year is known.</summary>
    public string? Period => (StartYear, EndYear) switch
    {
        ({ } s, { } e) when s == e => s.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ({ } s, { } e) => $"{s} tot {e}",
        ({ } s, null) => $"sinds {s}",
        _ => null,
    };

    /// <summary>Years after its end (or, while it runs, its publication) when a case is due for a follow-up, latest first.</summary>
    public static readonly IReadOnlyList<int> FollowUpMilestones = [3, 1];

    /// <summary>The day a case's follow-up clock starts: the middle of its last year (only the year is known), or else its publication.</summary>
    public DateOnly? FollowUpAnchor => EndYear is { } end and >= MinYear and <= MaxYear ? new DateOnly(end, 7, 1)
        : PublishedAt is { } at ? DateOnly.FromDateTime(at) : null;

    private const int MinYear = 1900, MaxYear = 2100;

    /// <summary>
    /// The milestone in years (3 or 1) this case has reached without a published follow-up dated on or after it, or null:
    /// editors are reminded to ask how it went on.
    /// </summary>
    public int? FollowUpDue(DateOnly today)
    {
        if (FollowUpAnchor is not { } anchor)
            return null;
        foreach (var years in FollowUpMilestones)
        {
            var milestone = anchor.AddYears(years);
            if (milestone <= today)
                return FollowUps.Any(f => f.IsPublic && f.Date >= milestone) ? null : years;
        }
        return null;
    }

    public bool IsFailureOrMixed => Outcome is CaseOutcome.Failed or CaseOutcome.Partly;

    protected override IEnumerable<ValidationError> ValidateCompleteness()
    {
        if (Outcome is null)
            yield return new("outcome", $"Een praktijkvoorbeeld heeft een uitkomst: {Dutch.CodeList<CaseOutcome>()}.");
        if (Outcome is CaseOutcome.Failed or CaseOutcome.Partly && string.IsNullOrWhiteSpace(WhatDidNotWork))
            yield return new("what_did_not_work", "Vertel bij een (deels) mislukt voorbeeld wat er niet werkte: daar leren anderen het meest van.");
    }

    protected override IEnumerable<ValidationError> ValidateType()
    {
        if (CbsCode.Length > 0 && !CbsPattern().IsMatch(CbsCode))
            yield return new("cbs_code", "Een CBS-code ziet eruit als GM0363, WK036301 of BU03630100.");
        if (StartYear is < MinYear or > MaxYear)
            yield return new("start_year", $"Het beginjaar moet tussen {MinYear} en {MaxYear} liggen.");
        if (EndYear is < MinYear or > MaxYear)
            yield return new("end_year", $"Het eindjaar moet tussen {MinYear} en {MaxYear} liggen.");
        if (StartYear is { } start && EndYear is { } end && end < start)
            yield return new("end_year", "Het eindjaar ligt voor het beginjaar.");
    }

    [GeneratedRegex("^(GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8})$")]
    private static partial Regex CbsPattern();
}

public enum CaseOutcome
{
    [Dutch("geslaagd", "Geslaagd")] Succeeded,
    [Dutch("deels", "Deels geslaagd")] Partly,
    [Dutch("mislukt", "Mislukt")] Failed,
    [Dutch("te-vroeg", "Te vroeg om te zeggen")] TooEarly,
}

public enum EvaluationStage
{
    [Dutch("niet-geevalueerd", "Niet geëvalueerd")] None,
    [Dutch("lopend", "Evaluatie loopt")] Ongoing,
    [Dutch("zelfevaluatie", "Zelf geëvalueerd")] SelfEvaluated,
    [Dutch("extern", "Extern geëvalueerd")] ExternallyEvaluated,
}
