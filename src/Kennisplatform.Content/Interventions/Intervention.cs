using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Interventions;

/// <summary>Interventie: a method or programme that can be applied elsewhere, with its level of evidence.</summary>
public class Intervention : ContentItem
{
    public override ContentType Kind => ContentType.Intervention;

    public string Aim { get; set; } = "";
    public string TargetGroup { get; set; } = "";
    public string Approach { get; set; } = "";
    public string CoreElements { get; set; } = "";
    public string Preconditions { get; set; } = "";
    public CostBand Cost { get; set; } = CostBand.Unknown;
    public EvidenceLevel Evidence { get; set; } = EvidenceLevel.NotAssessed;
    public string EvidenceSource { get; set; } = "";
    public DateOnly? EvidenceDate { get; set; }
    public string Owner { get; set; } = "";
    public string ExternalUrl { get; set; } = "";

    public List<Case> Cases { get; set; } = [];

    /// <summary>A recognition is granted for this many years; after that the intervention should be assessed again.</summary>
    public const int EvidenceValidYears = 5;

    /// <summary>The assessment is older than <see cref="EvidenceValidYears"/> on <paramref name="today"/>.</summary>
    public bool EvidenceIsOutdatedOn(DateOnly today) =>
        Evidence is not EvidenceLevel.NotAssessed && EvidenceDate is { } date && date.AddYears(EvidenceValidYears) < today;

    protected override IEnumerable<ValidationError> ValidateCompleteness()
    {
        if (Evidence is not EvidenceLevel.NotAssessed && string.IsNullOrWhiteSpace(EvidenceSource))
            yield return new("evidence_source", "Noem de bron van de beoordeling, bijvoorbeeld de erkenningscommissie.");
    }

    protected override IEnumerable<ValidationError> ValidateType()
    {
        if (ExternalUrl.Length > 0 && !WebAddress.IsValid(ExternalUrl))
            yield return new("external_url", "De externe link moet een volledig webadres zijn dat begint met https:// of http://.");
    }
}

/// <summary>The Dutch recognition ladder for interventions.</summary>
public enum EvidenceLevel
{
    [Dutch("niet-beoordeeld", "Niet beoordeeld")] NotAssessed,
    [Dutch("goed-beschreven", "Goed beschreven")] WellDescribed,
    [Dutch("goed-onderbouwd", "Goed onderbouwd")] WellFounded,
    [Dutch("eerste-aanwijzingen", "Effectief volgens eerste aanwijzingen")] FirstIndications,
    [Dutch("goede-aanwijzingen", "Effectief volgens goede aanwijzingen")] GoodIndications,
    [Dutch("sterke-aanwijzingen", "Effectief volgens sterke aanwijzingen")] StrongIndications,
}

public static class EvidenceLadder
{
    /// <summary>The number of steps on the ladder; "niet beoordeeld" is not on it.</summary>
    public const int Steps = 5;

    /// <summary>1 (goed beschreven) to 5 (sterke aanwijzingen), 0 when not assessed.</summary>
    public static int Step(this EvidenceLevel level) => (int)level;
}

public enum CostBand
{
    [Dutch("onbekend", "Onbekend")] Unknown,
    [Dutch("laag", "Laag (tot € 5.000 per jaar)")] Low,
    [Dutch("midden", "Midden (€ 5.000 tot € 50.000 per jaar)")] Medium,
    [Dutch("hoog", "Hoog (meer dan € 50.000 per jaar)")] High,
}
