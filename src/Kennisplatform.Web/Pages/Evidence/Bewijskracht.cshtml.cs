using Kennisplatform.Content.Interventions;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages.Evidence;

/// <summary>/bewijskracht: the Dutch recognition ladder explained, with how many interventions stand on each step.</summary>
public sealed class BewijskrachtModel(SiteQueries queries) : PageModel
{
    public IReadOnlyDictionary<EvidenceLevel, int> Counts { get; private set; } = new Dictionary<EvidenceLevel, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Counts = await queries.EvidenceCountsAsync(cancellationToken);

    public int CountOf(EvidenceLevel level) => Counts.GetValueOrDefault(level);

    /// <summary>What a step means and who decides it, in plain Dutch.</summary>
    public static readonly IReadOnlyDictionary<EvidenceLevel, (string Means, string Who)> Steps = new Dictionary<EvidenceLevel, (string, string)>
    {
        [EvidenceLevel.WellDescribed] = (
            "De aanpak staat duidelijk en volledig op papier: voor wie hij is, wat het doel is, hoe je het doet en wat je nodig hebt. Zo kan iemand anders hem op dezelfde manier uitvoeren. Of de aanpak werkt, is nog niet onderzocht.",
            "Deskundigen van een kennisinstituut en mensen uit de praktijk lezen de beschrijving en beoordelen die."),
        [EvidenceLevel.WellFounded] = (
            "De aanpak is goed beschreven én er is uitgelegd waarom hij zou moeten werken, met theorie en eerder onderzoek. Er is nog niet gemeten of hij in de praktijk het effect heeft dat je wilt.",
            "De Erkenningscommissie Interventies: onafhankelijke deskundigen uit onderzoek, beleid en praktijk."),
        [EvidenceLevel.FirstIndications] = (
            "Onderzoek in de praktijk laat zien dat het beter gaat met de deelnemers, bijvoorbeeld met een meting voor en na. Omdat er geen vergelijkingsgroep is, weet je nog niet zeker dat het door de aanpak komt.",
            "De Erkenningscommissie Interventies."),
        [EvidenceLevel.GoodIndications] = (
            "Onderzoek mét een vergelijkingsgroep laat zien dat de aanpak beter werkt dan niets doen of dan de gewone aanpak.",
            "De Erkenningscommissie Interventies."),
        [EvidenceLevel.StrongIndications] = (
            "Meerdere goede onderzoeken met een vergelijkingsgroep, vaak door loting verdeeld, laten zien dat de aanpak werkt, ook na langere tijd.",
            "De Erkenningscommissie Interventies."),
        [EvidenceLevel.NotAssessed] = (
            "Niemand heeft de aanpak volgens de ladder beoordeeld. Dat zegt niets over of hij werkt: ook een goede aanpak kan nog niet beoordeeld zijn. Lees dan goed hoe hij in elkaar zit en wat de praktijkvoorbeelden laten zien.",
            "Niemand, of de beoordeling is niet bekend."),
    };
}
