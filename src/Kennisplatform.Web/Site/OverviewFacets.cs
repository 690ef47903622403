using System.Linq.Expressions;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.FailurePatterns;
using Kennisplatform.Content.Instruments;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Themes;
using Kennisplatform.Web.Places;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Site;

/// <summary>What a facet reads: the visible items of every type, the overview's type and the present moment.</summary>
public sealed record FacetScope(IQueryable<ContentItem> Visible, ContentType Type, DateTime Now)
{
    public IQueryable<ContentItem> OfType => Visible.OfKind(Type);
}

/// <summary>One value of a filter: its code in the address, what a person reads, and how many items it would show.</summary>
public sealed record FacetOption(string Value, string Label, int Count);

/// <summary>A filter of an overview with its values, each counted with the other chosen filters applied.</summary>
public sealed record FacetChoices(OverviewFacet Facet, string? Selected, IReadOnlyList<FacetOption> Options);

/// <summary>
/// One filter of the overviews and the list API, written once: its key on the site and in the API, its name, the values
/// it offers, how it narrows a query and how it counts. <see cref="TypeDescriptor.Filters"/> says which a type has.
/// </summary>
public abstract class OverviewFacet(OverviewFilterKind kind, string key, string apiKey, string label, string allLabel)
{
    public OverviewFilterKind Kind => kind;

    /// <summary>The query key of the overview page (Dutch).</summary>
    public string Key => key;

    /// <summary>The query key of the list API (English).</summary>
    public string ApiKey => apiKey;

    public virtual string Label(ContentType type) => label;
    public string AllLabel => allLabel;

    /// <summary>What the API takes as a value, for the API reference page.</summary>
    public abstract string ApiValues { get; }

    /// <summary>The value as the API writes it; the site's code unless the two differ (komend / upcoming).</summary>
    public virtual string ToApi(string value) => value;

    /// <summary>The values this facet offers for the scope's type, in display order, with their labels.</summary>
    public abstract Task<IReadOnlyList<(string Value, string Label)>> ValuesAsync(FacetScope scope, CancellationToken cancellationToken);

    /// <summary>Narrows <paramref name="items"/> to those with <paramref name="value"/>, one of <see cref="ValuesAsync"/>.</summary>
    public abstract Task<IQueryable<ContentItem>> ApplyAsync(IQueryable<ContentItem> items, string value, FacetScope scope, CancellationToken cancellationToken);

    /// <summary>How many of <paramref name="items"/> each value would show.</summary>
    public abstract Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<ContentItem> items, FacetScope scope, CancellationToken cancellationToken);
}

public static class OverviewFacets
{
    public static readonly IReadOnlyList<OverviewFacet> All =
    [
        new ThemeFacet(),
        new EnumFacet<CaseOutcome?>(OverviewFilterKind.Outcome, "uitkomst", "outcome", "Uitkomst", "Alle uitkomsten", i => ((Case)i).Outcome),
        new EnumFacet<EvaluationStage>(OverviewFilterKind.Evaluation, "evaluatie", "evaluation", "Evaluatie", "Elke evaluatie", i => ((Case)i).Evaluation),
        new PatternFacet(),
        new MunicipalityFacet(),
        new PeriodFacet(),
        new TargetGroupFacet(),
        new FollowUpFacet(),
        new EnumFacet<EvidenceLevel>(OverviewFilterKind.Evidence, "bewijs", "evidence", "Bewijs", "Alle niveaus", i => ((Intervention)i).Evidence),
        new EnumFacet<CostBand>(OverviewFilterKind.Cost, "kosten", "cost", "Kosten", "Alle kosten", i => ((Intervention)i).Cost),
        new EnumFacet<InstrumentPerspective>(OverviewFilterKind.Perspective, "perspectief", "perspective", "Perspectief", "Alle perspectieven", i => ((Instrument)i).Perspective),
        new WhenFacet(),
        new AttendanceFacet(),
    ];

    public static OverviewFacet Of(OverviewFilterKind kind) => All.First(f => f.Kind == kind);

    public static IEnumerable<OverviewFacet> For(ContentType type) => TypeDescriptors.Of(type).Filters.Select(Of);

    /// <summary>Counts of a grouped key, with a null key left out.</summary>
    internal static async Task<IReadOnlyDictionary<string, int>> CountByAsync<T>(IQueryable<T> keys, Func<T, string?> code, CancellationToken cancellationToken,
        StringComparer? comparer = null)
    {
        var groups = await keys.GroupBy(k => k).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var counts = new Dictionary<string, int>(comparer ?? StringComparer.Ordinal);
        foreach (var group in groups)
            if (code(group.Key) is { } value)
                counts[value] = counts.GetValueOrDefault(value) + group.Count;
        return counts;
    }

    internal static IQueryable<ContentItem> WhereEquals<T>(IQueryable<ContentItem> items, Expression<Func<ContentItem, T>> selector, T value) =>
        items.Where(Expression.Lambda<Func<ContentItem, bool>>(Expression.Equal(selector.Body, Expression.Constant(value, typeof(T))), selector.Parameters));
}

/// <summary>A column holding one of an enum's values (outcome, evaluation, evidence, cost, perspective).</summary>
internal sealed class EnumFacet<T>(OverviewFilterKind kind, string key, string apiKey, string label, string allLabel, Expression<Func<ContentItem, T>> column)
    : OverviewFacet(kind, key, apiKey, label, allLabel)
{
    private static readonly Type EnumType = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);

    private static IEnumerable<(Enum Value, DutchAttribute Dutch)> Members => Dutch.Members(EnumType);

    public override string ApiValues => string.Join(", ", Members.SkipLast(1).Select(m => m.Dutch.Code)) + " of " + Members.Last().Dutch.Code;

    public override Task<IReadOnlyList<(string Value, string Label)>> ValuesAsync(FacetScope scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string, string)>>(Members.Select(m => (m.Dutch.Code, m.Dutch.Label)).ToList());

    public override Task<IQueryable<ContentItem>> ApplyAsync(IQueryable<ContentItem> items, string value, FacetScope scope, CancellationToken cancellationToken) =>
        Task.FromResult(OverviewFacets.WhereEquals(items, column, (T)(object)Members.First(m => m.Dutch.Code == value).Value));

    public override Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<ContentItem> items, FacetScope scope, CancellationToken cancellationToken) =>
        OverviewFacets.CountByAsync(items.Select(column), v => v is null ? null : Members.First(m => m.Value.Equals(v)).Dutch.Code, cancellationToken);
}

/// <summary>The target groups of an intervention: one column of flags, so an intervention shows under each group it has.</summary>
internal sealed class TargetGroupFacet() : OverviewFacet(OverviewFilterKind.TargetGroup, "doelgroep", "targetGroup", "Doelgroep", "Alle doelgroepen")
{
    private static IEnumerable<(Enum Value, DutchAttribute Dutch)> Members => Dutch.Members(typeof(TargetGroups));

    public override string ApiValues => string.Join(", ", Members.SkipLast(1).Select(m => m.Dutch.Code)) + " of " + Members.Last().Dutch.Code;

    public override Task<IReadOnlyList<(string Value, string Label)>> ValuesAsync(FacetScope scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string, string)>>(Members.Select(m => (m.Dutch.Code, m.Dutch.Label)).ToList());

    public override Task<IQueryable<ContentItem>> ApplyAsync(IQueryable<ContentItem> items, string value, FacetScope scope, CancellationToken cancellationToken)
    {
        var group = (TargetGroups)Members.First(m => m.Dutch.Code == value).Value;
        return Task.FromResult(items.Where(i => (((Intervention)i).TargetGroups & group) != 0));
    }

    public override async Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<ContentItem> items, FacetScope scope, CancellationToken cancellationToken)
    {
        // One query: how many items hold each combination; then each combination counts for every group in it.
        var combinations = await items.GroupBy(i => ((Intervention)i).TargetGroups).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return combinations.SelectMany(c => c.Key.Split().Select(g => (Group: g, c.Count)))
            .GroupBy(g => g.Group).ToDictionary(g => g.Key.Code(), g => g.Sum(x => x.Count));
    }
}

internal sealed class ThemeFacet() : OverviewFacet(OverviewFilterKind.Theme, "thema", "theme", "Thema", "Alle thema's")
{
    public override string ApiValues => "de slug van een thema, zoals eenzaamheid";

    public override async Task<IReadOnlyList<(string Value, string Label)>> ValuesAsync(FacetScope scope, CancellationToken cancellationToken) =>
        (await scope.Visible.OfType<Theme>().OrderBy(t => t.SortOrder).ThenBy(t => t.Title).Select(t => new { t.Slug, t.Title }).ToListAsync(cancellationToken))
            .Select(t => (t.Slug, t.Title)).ToList();

    public override Task<IQueryable<ContentItem>> ApplyAsync(IQueryable<ContentItem> items, string value, FacetScope scope, CancellationToken cancellationToken) =>
        Task.FromResult(items.Where(i => i.Themes.Any(t => t.Slug == value)));

    public override Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<ContentItem> items, FacetScope scope, CancellationToken cancellationToken) =>
        OverviewFacets.CountByAsync(items.SelectMany(i => i.Themes).Select(t => t.Slug), s => s, cancellationToken);
}

internal sealed class PatternFacet() : OverviewFacet(OverviewFilterKind.FailurePattern, "faalpatroon", "failurePattern", "Faalpatroon", "Alle faalpatronen")
{
    public override string ApiValues => "de slug van een faalpatroon, zoals steeds-dezelfde-bewoners";

    public override async Task<IReadOnlyList<(string Value, string Label)>> ValuesAsync(FacetScope scope, CancellationToken cancellationToken) =>
        (await scope.Visible.OfType<FailurePattern>().OrderBy(p => p.SortOrder).ThenBy(p => p.Title).Select(p => new { p.Slug, p.Title }).ToListAsync(cancellationToken))
            .Select(p => (p.Slug, p.Title)).ToList();

    public override Task<IQueryable<ContentItem>> ApplyAsync(IQueryable<ContentItem> items, string value, FacetScope scope, CancellationToken cancellationToken) =>
        Task.FromResult(items.Where(i => ((Case)i).FailurePatterns.Any(p => p.Slug == value)));

    public override Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<ContentItem> items, FacetScope scope, CancellationToken cancellationToken) =>
        OverviewFacets.CountByAsync(items.SelectMany(i => ((Case)i).FailurePatterns).Select(p => p.Slug), s => s, cancellationToken);
}

/// <summary>
/// The municipality of a case, of an event's place or of a connector's area. Places are free text ("Utrecht, Overvecht",
/// "Amsterdam Zuidoost"), so a municipality stands for every place text that <see cref="PlaceRules.Split"/> puts in it,
/// whatever its capitals ("Deventer" and "deventer" are one).
/// </summary>
internal sealed class MunicipalityFacet() : OverviewFacet(OverviewFilterKind.Municipality, "gemeente", "municipality", "Gemeente", "Alle gemeenten")
{
    public override string Label(ContentType type) => type == ContentType.Connector ? "Werkgebied (gemeente)" : "Gemeente";

    public override string ApiValues => "de naam van een gemeente, zoals Utrecht (bij een bijeenkomst de gemeente van de plaats, bij een wijkschakelaar die van het werkgebied)";

    private static Expression<Func<ContentItem, string>> Column(ContentType type) => type switch
    {
        ContentType.Case => i => ((Case)i).Municipality,
        ContentType.Event => i => ((Event)i).Place,
        ContentType.Connector => i => ((Connector)i).Area,
        _ => throw new NotSupportedException($"No municipality filter for {type}."),
    };

    private static string? MunicipalityOf(string place) => PlaceRules.Split(place)?.Municipality;

    private static async Task<List<string>> PlacesAsync(FacetScope scope, CancellationToken cancellationToken) =>
        await scope.OfType.Select(Column(scope.Type)).Where(p => p != "").Distinct().ToListAsync(cancellationToken);

    public override async Task<IReadOnlyList<(string Value, string Label)>> ValuesAsync(FacetScope scope, CancellationToken cancellationToken) =>
        (await PlacesAsync(scope, cancellationToken)).Select(MunicipalityOf).OfType<string>()
            .OrderBy(m => m, StringComparer.Create(DutchTime.Culture, ignoreCase: true)).ThenBy(m => m, StringComparer.Ordinal) // "Deventer" before "deventer"
            .Distinct(StringComparer.OrdinalIgnoreCase).Select(m => (m, m)).ToList();

    public override async Task<IQueryable<ContentItem>> ApplyAsync(IQueryable<ContentItem> items, string value, FacetScope scope, CancellationToken cancellationToken)
    {
        var places = (await PlacesAsync(scope, cancellationToken)).Where(p => string.Equals(MunicipalityOf(p), value, StringComparison.OrdinalIgnoreCase)).ToList();
        var column = Column(scope.Type);
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(places), column.Body);
        return items.Where(Expression.Lambda<Func<ContentItem, bool>>(contains, column.Parameters));
    }

    public override Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<ContentItem> items, FacetScope scope, CancellationToken cancellationToken) =>
        OverviewFacets.CountByAsync(items.Select(Column(scope.Type)), p => p.Length == 0 ? null : MunicipalityOf(p), cancellationToken, StringComparer.OrdinalIgnoreCase);
}

/// <summary>The years a case ran: a case from 2019 to 2022 shows under each of those years; one without an end runs to this year.</summary>
internal sealed class PeriodFacet() : OverviewFacet(OverviewFilterKind.Period, "jaar", "year", "Periode", "Alle jaren")
{
    public override string ApiValues => "een jaar, zoals 2022: de praktijkvoorbeelden die in dat jaar liepen";

    private static async Task<List<(int Start, int? End, int Count)>> SpansAsync(IQueryable<ContentItem> items, CancellationToken cancellationToken) =>
        (await items.Select(i => new { ((Case)i).StartYear, ((Case)i).EndYear }).Where(s => s.StartYear != null)
            .GroupBy(s => new { s.StartYear, s.EndYear }).Select(g => new { g.Key.StartYear, g.Key.EndYear, Count = g.Count() }).ToListAsync(cancellationToken))
        .Select(s => (s.StartYear!.Value, s.EndYear, s.Count)).ToList();

    private static IEnumerable<int> Years((int Start, int? End, int Count) span, int thisYear) =>
        Enumerable.Range(span.Start, Math.Max(0, Math.Min(span.End ?? thisYear, thisYear) - span.Start) + 1);

    public override async Task<IReadOnlyList<(string Value, string Label)>> ValuesAsync(FacetScope scope, CancellationToken cancellationToken) =>
        (await SpansAsync(scope.OfType, cancellationToken)).SelectMany(s => Years(s, scope.Now.Year)).Distinct().OrderDescending()
            .Select(y => (y.ToString(System.Globalization.CultureInfo.InvariantCulture), y.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public override Task<IQueryable<ContentItem>> ApplyAsync(IQueryable<ContentItem> items, string value, FacetScope scope, CancellationToken cancellationToken)
    {
        var year = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var thisYear = scope.Now.Year;
        return Task.FromResult(items.Where(i => ((Case)i).StartYear <= year && (((Case)i).EndYear ?? thisYear) >= year));
    }

    public override async Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<ContentItem> items, FacetScope scope, CancellationToken cancellationToken) =>
        (await SpansAsync(items, cancellationToken)).SelectMany(s => Years(s, scope.Now.Year).Select(y => (Year: y, s.Count)))
            .GroupBy(y => y.Year).ToDictionary(g => g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g => g.Sum(y => y.Count));
}

/// <summary>Events still to come or already over, by their end.</summary>
internal sealed class WhenFacet() : OverviewFacet(OverviewFilterKind.When, "wanneer", "when", "Wanneer", "Alle bijeenkomsten")
{
    public override string ApiValues => "upcoming (nog niet afgelopen) of past (afgelopen)";

    public override string ToApi(string value) => value == OverviewFilter.Upcoming ? "upcoming" : "past";

    public override Task<IReadOnlyList<(string Value, string Label)>> ValuesAsync(FacetScope scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([(OverviewFilter.Upcoming, "Nog te komen"), (OverviewFilter.Past, "Geweest")]);

    public override Task<IQueryable<ContentItem>> ApplyAsync(IQueryable<ContentItem> items, string value, FacetScope scope, CancellationToken cancellationToken)
    {
        var now = scope.Now;
        return Task.FromResult(value == OverviewFilter.Upcoming ? items.Where(i => ((Event)i).EndsAt > now) : items.Where(i => ((Event)i).EndsAt <= now));
    }

    public override async Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<ContentItem> items, FacetScope scope, CancellationToken cancellationToken)
    {
        var now = scope.Now;
        return new Dictionary<string, int>
        {
            [OverviewFilter.Upcoming] = await items.CountAsync(i => ((Event)i).EndsAt > now, cancellationToken),
            [OverviewFilter.Past] = await items.CountAsync(i => ((Event)i).EndsAt <= now, cancellationToken),
        };
    }
}

/// <summary>
/// Online (a link to take part, or "Online" as the location) or in a place (an address, a place, or a location that is
/// not "Online"); an event can be both. The same reading as the event's structured data.
/// </summary>
internal sealed class AttendanceFacet() : OverviewFacet(OverviewFilterKind.Attendance, "vorm", "attendance", "Online of op locatie", "Online en op locatie")
{
    public const string Online = "online";
    public const string Physical = "op-locatie";
    private const string OnlineLocation = "Online";

    public override string ApiValues => "online of physical (op een locatie); een bijeenkomst kan allebei zijn";

    public override string ToApi(string value) => value == Online ? "online" : "physical";

    public override Task<IReadOnlyList<(string Value, string Label)>> ValuesAsync(FacetScope scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([(Online, "Online"), (Physical, "Op locatie")]);

    private static readonly Expression<Func<ContentItem, bool>> IsOnline = i => ((Event)i).OnlineUrl != "" || ((Event)i).LocationName == OnlineLocation;

    private static readonly Expression<Func<ContentItem, bool>> IsPhysical =
        i => ((Event)i).Address != "" || ((Event)i).Place != "" || (((Event)i).LocationName != "" && ((Event)i).LocationName != OnlineLocation);

    public override Task<IQueryable<ContentItem>> ApplyAsync(IQueryable<ContentItem> items, string value, FacetScope scope, CancellationToken cancellationToken) =>
        Task.FromResult(items.Where(value == Online ? IsOnline : IsPhysical));

    public override async Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<ContentItem> items, FacetScope scope, CancellationToken cancellationToken) =>
        new Dictionary<string, int>
        {
            [Online] = await items.CountAsync(IsOnline, cancellationToken),
            [Physical] = await items.CountAsync(IsPhysical, cancellationToken),
        };
}

/// <summary>Cases with at least one published follow-up ("Een jaar later"), or none yet.</summary>
internal sealed class FollowUpFacet() : OverviewFacet(OverviewFilterKind.FollowUp, "vervolg", "followUp", "Vervolg", "Met en zonder vervolg")
{
    public const string With = "ja";
    public const string Without = "nee";

    public override string ApiValues => "with (met minstens één gepubliceerd vervolg) of without (nog zonder vervolg)";

    public override string ToApi(string value) => value == With ? "with" : "without";

    public override Task<IReadOnlyList<(string Value, string Label)>> ValuesAsync(FacetScope scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([(With, "Met vervolg"), (Without, "Zonder vervolg")]);

    private static readonly Expression<Func<ContentItem, bool>> HasFollowUp =
        i => ((Case)i).FollowUps.Any(f => f.Status == FollowUpStatus.Published);

    private static readonly Expression<Func<ContentItem, bool>> HasNone =
        i => !((Case)i).FollowUps.Any(f => f.Status == FollowUpStatus.Published);

    public override Task<IQueryable<ContentItem>> ApplyAsync(IQueryable<ContentItem> items, string value, FacetScope scope, CancellationToken cancellationToken) =>
        Task.FromResult(items.Where(value == With ? HasFollowUp : HasNone));

    public override async Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<ContentItem> items, FacetScope scope, CancellationToken cancellationToken) =>
        new Dictionary<string, int>
        {
            [With] = await items.CountAsync(HasFollowUp, cancellationToken),
            [Without] = await items.CountAsync(HasNone, cancellationToken),
        };
}
