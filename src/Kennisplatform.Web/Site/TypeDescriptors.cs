using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.FailurePatterns;
using Kennisplatform.Content.Instruments;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Principles;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Themes;
using Kennisplatform.Web.OpenData;
using Kennisplatform.Web.Places;

namespace Kennisplatform.Web.Site;

/// <summary>
/// The one list of content types as the web shows them. Tests iterate every <see cref="ContentType"/> value against
/// it, so a type missing here fails a test, never the site. Adding a type: docs/content-types.md.
/// </summary>
public static class TypeDescriptors
{
    public static readonly IReadOnlyList<TypeDescriptor> All =
    [
        new()
        {
            Type = ContentType.Case,
            Neuter = true,
            Intro = "Wat gebeurde er in een echte wijk? Hier lees je wat werkte en wat niet, en wat de mensen erachter de volgende keer anders zouden doen.",
            Collection = "cases",
            DetailPartial = "_CaseDetail",
            CardPartial = "_CaseCard",
            Selectable = true,
            OverviewLinks = [("/DeelJeErvaring", "Deel je eigen ervaring")],
            IsLesson = item => item is Case { IsFailureOrMixed: true },
            KeyFacts = item => item is Case c
                ? [("Uitkomst", c.Outcome?.Label()), ("Plaats", PlaceRules.Describe(c.Municipality, c.Neighbourhood)), ("Periode", c.Period),
                    ("Evaluatie", c.Evaluation.Label()), ("Contactpersoon", c.ContactConnector?.Title)]
                : [],
            Place = item => item is Case c ? PlaceRules.Make(c.Municipality, c.Neighbourhood) : null,
            Facts = TypeDescriptor.FactsOf<Case>(c => new()
            {
                Tags = [c.Outcome?.Label() ?? "", c.Municipality, c.Neighbourhood, c.Partners],
                LongTexts = [c.WhatWorked, c.ResidentsRole, c.MunicipalityRole],
                Lessons = [c.WhatDidNotWork, c.DoDifferently],
                Outcome = c.Outcome?.Code(),
                Municipality = c.Municipality,
                Neighbourhood = c.Neighbourhood,
                FailurePatterns = c.FailurePatterns,
            }),
            Filters = [OverviewFilterKind.Theme, OverviewFilterKind.Outcome, OverviewFilterKind.Evaluation, OverviewFilterKind.Municipality, OverviewFilterKind.Period, OverviewFilterKind.FailurePattern, OverviewFilterKind.FollowUp],
            Order = (items, _) => items.OrderByDescending(i => i.PublishedAt).ThenBy(i => i.Title),
            OpenGraphType = "article",
            StructuredData = (item, context) => OpenData.StructuredData.ForCase((Case)item, context),
        },
        new()
        {
            Type = ContentType.Intervention,
            Intro = "Methodes en programma's die je ook in jouw wijk kunt gebruiken, met hoe goed bewezen is dat ze werken.",
            Collection = "interventions",
            DetailPartial = "_InterventionDetail",
            CardPartial = "_InterventionCard",
            Selectable = true,
            Comparable = true,
            OverviewLinks = [("/Evidence/Bewijskracht", "Wat betekent de bewijskracht?"), ("/Compare/Vergelijken", "Interventies vergelijken")],
            KeyFacts = item => item is Intervention i ? [("Doelgroep", i.TargetGroups.Labels()), ("Voor wie precies", i.TargetGroup), ("Kosten", i.Cost.Label()), ("Eigenaar", i.Owner)] : [],
            Facts = TypeDescriptor.FactsOf<Intervention>(i => new()
            {
                Tags = [i.Evidence.Label(), i.Owner, i.TargetGroup, .. i.TargetGroups.Split().Select(g => g.Label())],
                LongTexts = [i.Aim, i.Approach, i.CoreElements, i.Preconditions],
                Evidence = i.Evidence.Code(),
                TargetGroups = i.TargetGroups.Split().Select(g => g.Code()).ToList(),
            }),
            Filters = [OverviewFilterKind.Theme, OverviewFilterKind.TargetGroup, OverviewFilterKind.Evidence, OverviewFilterKind.Cost],
            ReferencedBy = new("Gebruikt in deze praktijkvoorbeelden", GroupByType: false,
                (visible, id) => visible.OfKind(ContentType.Case).Where(i => ((Case)i).Interventions.Any(x => x.Id == id))),
            OpenGraphType = "article",
        },
        new()
        {
            Type = ContentType.Connector,
            Intro = "Mensen die bewoners, professionals en de gemeente met elkaar verbinden. Hun rol telt meer dan hun functie.",
            Collection = "connectors",
            DetailPartial = "_ConnectorDetail",
            CardPartial = "_ConnectorCard",
            Selectable = true,
            KeyFacts = item => item is Connector p ? [("Rol", p.Role), ("Gebied", p.Area), ("Vraag mij over", p.AskMeAbout), ("Bereikbaar", p.Availability)] : [],
            Place = item => item is Connector p ? PlaceRules.Split(p.Area) : null,
            Facts = TypeDescriptor.FactsOf<Connector>(p => new() { Tags = [p.Role, p.Area], LongTexts = [p.Connects, p.AskMeAbout] }),
            Filters = [OverviewFilterKind.Theme, OverviewFilterKind.Municipality],
            ReferencedBy = new("Contactpersoon bij deze praktijkvoorbeelden", GroupByType: false,
                (visible, id) => visible.OfKind(ContentType.Case).Where(i => ((Case)i).ContactConnectorId == id)),
        },
        new()
        {
            Type = ContentType.Event,
            Intro = "Bijeenkomsten in de wijk en online, en wat ze hebben opgeleverd.",
            Collection = "events",
            DetailPartial = "_EventDetail",
            CardPartial = "_EventCard",
            Subscription = ("/bijeenkomsten/agenda.ics", "Abonneer je op de agenda", "alle komende bijeenkomsten in je eigen agenda (iCal)."),
            Place = item => item is Event e ? PlaceRules.Split(e.Place) : null,
            Facts = TypeDescriptor.FactsOf<Event>(e => new()
            {
                Tags = [e.LocationName, e.Place, e.Audience],
                LongTexts = [e.Harvest],
                Municipality = PlaceRules.Split(e.Place)?.Municipality,
                Neighbourhood = PlaceRules.Split(e.Place)?.Neighbourhood,
                StartsAt = e.StartsAt,
                EndsAt = e.EndsAt,
            }),
            Filters = [OverviewFilterKind.Theme, OverviewFilterKind.When, OverviewFilterKind.Attendance, OverviewFilterKind.Municipality],
            Order = (items, filter) => filter.When == OverviewFilter.Upcoming
                ? items.OrderBy(i => ((Event)i).StartsAt)
                : items.OrderByDescending(i => ((Event)i).StartsAt),
            StructuredData = (item, context) => OpenData.StructuredData.ForEvent((Event)item, context),
        },
        new()
        {
            Type = ContentType.Instrument,
            Neuter = true,
            Intro = "Hulpmiddelen voor een wijkprofiel of buurtagenda: met cijfers (tellen), met verhalen van bewoners (vertellen), of allebei.",
            Collection = "instruments",
            DetailPartial = "_InstrumentDetail",
            CardPartial = "_InstrumentCard",
            Selectable = true,
            KeyFacts = item => item is Instrument n ? [("Perspectief", n.Perspective.Label()), ("Gemaakt door", n.Maker)] : [],
            Facts = TypeDescriptor.FactsOf<Instrument>(n => new() { Tags = [n.Perspective.Label(), n.Maker] }),
            Filters = [OverviewFilterKind.Theme, OverviewFilterKind.Perspective],
        },
        new()
        {
            Type = ContentType.Principle,
            Neuter = true,
            Intro = "Wat in de landelijke dialoog over kwetsbare wijken steeds terugkwam als voorwaarde voor succes.",
            Collection = "principles",
            DetailPartial = "_PrincipleDetail",
            Facts = TypeDescriptor.FactsOf<Principle>(p => new() { LongTexts = [p.Needs] }),
            Filters = [],
            Order = (items, _) => items.OrderBy(i => ((Principle)i).SortOrder).ThenBy(i => i.Title),
            ReferencedBy = new("Waar dit principe terugkomt", GroupByType: true,
                (visible, id) => visible.Where(i => i.Principles.Any(p => p.Id == id))),
        },
        new()
        {
            Type = ContentType.Theme,
            Neuter = true,
            Intro = "Alle kennis geordend per onderwerp.",
            Collection = "themes",
            DetailPartial = "_ThemeDetail",
            Facts = _ => ItemFacts.None,
            Filters = [],
            Order = (items, _) => items.OrderBy(i => ((Theme)i).SortOrder).ThenBy(i => i.Title),
            ReferencedBy = new("Alles over dit thema", GroupByType: true,
                (visible, id) => visible.Where(i => i.Themes.Any(t => t.Id == id))),
        },
        new()
        {
            Type = ContentType.FailurePattern,
            Neuter = true,
            Intro = "Fouten die in wijkaanpakken steeds terugkomen. Per patroon lees je wat er misgaat, wat helpt, en in welke praktijkvoorbeelden het gebeurde.",
            Collection = "failure-patterns",
            OverviewLinks = [("/Checklist/VoordatJeBegint", "Voordat je begint: maak een checklist voor jouw plan")],
            DetailPartial = "_FailurePatternDetail",
            Facts = TypeDescriptor.FactsOf<FailurePattern>(p => new() { Tags = [p.Question], LongTexts = [p.WhatHelps] }),
            Filters = [],
            Order = (items, _) => items.OrderBy(i => ((FailurePattern)i).SortOrder).ThenBy(i => i.Title),
            PrinciplesHeading = "Werkzame principes die hiertegen helpen",
            ReferencedBy = new("Praktijkvoorbeelden met dit faalpatroon", GroupByType: false,
                (visible, id) => visible.OfKind(ContentType.Case).Where(i => ((Case)i).FailurePatterns.Any(p => p.Id == id))),
            OpenGraphType = "article",
        },
        new()
        {
            Type = ContentType.Page,
            Intro = "",
            Collection = "pages",
            DetailPartial = "_BodyDetail",
            Facts = _ => ItemFacts.None,
            Filters = [],
        },
    ];

    private static readonly Dictionary<ContentType, TypeDescriptor> ByType = All.ToDictionary(d => d.Type);

    public static TypeDescriptor Of(ContentType type) =>
        ByType.TryGetValue(type, out var descriptor) ? descriptor
            : throw new InvalidOperationException($"ContentType.{type} has no descriptor in {nameof(TypeDescriptors)}.{nameof(All)}.");
}
