using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Interventions;

/// <summary>Interventie: a method or programme that can be applied elsewhere, with its level of evidence.</summary>
public class Intervention : ContentItem
{
    public override ContentType Kind => ContentType.Intervention;

    public string Aim { get; set; } = "";
    /// <summary>The target group in the words of the intervention itself, beside <see cref="TargetGroups"/>.</summary>
    public string TargetGroup { get; set; } = "";
    /// <summary>The target groups as fixed categories, so overviews, search and the API can filter on them.</summary>
    public TargetGroups TargetGroups { get; set; }
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
        if (TargetGroups == 0)
            yield return new("target_groups", "Kies ten minste één doelgroep, of 'Alle bewoners' als de interventie voor iedereen is.");
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

/// <summary>
/// Who an intervention is for, as a small fixed list (several may apply). Flags, so one column holds them all and a
/// filter is one bit test in SQL; no value means "not chosen yet".
/// </summary>
[Flags]
public enum TargetGroups
{
    [Dutch("bewoners", "Alle bewoners")] Residents = 1,
    [Dutch("kinderen", "Kinderen")] Children = 1 << 1,
    [Dutch("jongeren", "Jongeren")] Youth = 1 << 2,
    [Dutch("ouders", "Ouders en gezinnen")] Parents = 1 << 3,
    [Dutch("volwassenen", "Volwassenen")] Adults = 1 << 4,
    [Dutch("ouderen", "Ouderen")] Elderly = 1 << 5,
    [Dutch("weinig-contact", "Mensen met weinig contact")] Isolated = 1 << 6,
    [Dutch("nederlands-leren", "Mensen die Nederlands leren")] LanguageLearners = 1 << 7,
    [Dutch("geldzorgen", "Huishoudens met geldzorgen")] MoneyWorries = 1 << 8,
    [Dutch("professionals", "Professionals en organisaties")] Professionals = 1 << 9,
}

public static class TargetGroupSet
{
    /// <summary>The single groups in <paramref name="groups"/>, in the list's order.</summary>
    public static IEnumerable<TargetGroups> Split(this TargetGroups groups) =>
        Dutch.Values<TargetGroups>().Where(g => (groups & g) != 0);

    /// <summary>"Ouderen, Volwassenen": the labels of the chosen groups.</summary>
    public static string Labels(this TargetGroups groups) => string.Join(", ", groups.Split().Select(g => g.Label()));
}

public enum CostBand
{
    [Dutch("onbekend", "Onbekend")] Unknown,
    [Dutch("laag", "Laag (tot € 5.000 per jaar)")] Low,
    [Dutch("midden", "Midden (€ 5.000 tot € 50.000 per jaar)")] Medium,
    [Dutch("hoog", "Hoog (meer dan € 50.000 per jaar)")] High,
}
