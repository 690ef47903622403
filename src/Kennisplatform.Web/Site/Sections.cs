using Kennisplatform.Content.Model;

namespace Kennisplatform.Web.Site;

/// <summary>A content type as the public site shows it: its URL segment and its Dutch names.</summary>
public sealed record Section(ContentType Type, string Segment, string Plural, string Intro);

/// <summary>The one mapping between content types and URLs. Free pages live at the root and have no section.</summary>
public static class Sections
{
    public static readonly IReadOnlyList<Section> All =
    [
        new(ContentType.Case, "praktijkvoorbeelden", "Praktijkvoorbeelden",
            "Wat gebeurde er in een echte wijk? Hier lees je wat werkte en wat niet, en wat de mensen erachter de volgende keer anders zouden doen."),
        new(ContentType.Intervention, "interventies", "Interventies",
            "Methodes en programma's die je ook in jouw wijk kunt gebruiken, met hoe goed bewezen is dat ze werken."),
        new(ContentType.Connector, "wijkschakelaars", "Wijkschakelaars",
            "Mensen die bewoners, professionals en de gemeente met elkaar verbinden. Hun rol telt meer dan hun functie."),
        new(ContentType.Event, "bijeenkomsten", "Bijeenkomsten",
            "Bijeenkomsten in de wijk en online, en wat ze hebben opgeleverd."),
        new(ContentType.Instrument, "instrumenten", "Instrumenten",
            "Hulpmiddelen voor een wijkprofiel of buurtagenda: met cijfers (tellen), met verhalen van bewoners (vertellen), of allebei."),
        new(ContentType.Principle, "principes", "Werkzame principes",
            "Wat in de landelijke dialoog over kwetsbare wijken steeds terugkwam als voorwaarde voor succes."),
        new(ContentType.Theme, "themas", "Thema's",
            "Alle kennis geordend per onderwerp."),
    ];

    private static readonly Dictionary<string, Section> BySegment = All.ToDictionary(s => s.Segment);
    private static readonly Dictionary<ContentType, Section> ByType = All.ToDictionary(s => s.Type);

    public static Section? FromSegment(string? segment) => segment is null ? null : BySegment.GetValueOrDefault(segment);

    public static Section Of(ContentType type) => ByType[type];

    /// <summary>The plural name of any type, including free pages, which have no section of their own.</summary>
    public static string PluralOf(ContentType type) => ByType.TryGetValue(type, out var section) ? section.Plural : "Pagina's";

    public static string UrlOf(ContentItem item) => UrlOf(item.Kind, item.Slug);

    public static string UrlOf(ContentType type, string slug) =>
        type == ContentType.Page ? "/" + slug : $"/{Of(type).Segment}/{slug}";
}

/// <summary>Route constraint {section:section}: only the segments above.</summary>
public sealed class SectionRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Sections.FromSegment(value as string) is not null;
}
