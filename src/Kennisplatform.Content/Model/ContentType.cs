namespace Kennisplatform.Content.Model;

/// <summary>
/// The content types. The code is the front-matter <c>type</c> and the database discriminator; the segment is the
/// first part of the public address (free pages have none: they live at the root).
/// Adding a type: see docs/content-types.md.
/// </summary>
public enum ContentType
{
    [Dutch("praktijkvoorbeeld", "Praktijkvoorbeeld"), Plural("praktijkvoorbeelden", "Praktijkvoorbeelden")] Case,
    [Dutch("interventie", "Interventie"), Plural("interventies", "Interventies")] Intervention,
    [Dutch("wijkschakelaar", "Wijkschakelaar"), Plural("wijkschakelaars", "Wijkschakelaars")] Connector,
    [Dutch("bijeenkomst", "Bijeenkomst"), Plural("bijeenkomsten", "Bijeenkomsten")] Event,
    [Dutch("instrument", "Instrument"), Plural("instrumenten", "Instrumenten")] Instrument,
    [Dutch("principe", "Werkzaam principe"), Plural("principes", "Werkzame principes")] Principle,
    [Dutch("thema", "Thema"), Plural("themas", "Thema's")] Theme,
    [Dutch("faalpatroon", "Faalpatroon"), Plural("faalpatronen", "Faalpatronen")] FailurePattern,
    [Dutch("pagina", "Pagina"), Plural("", "Pagina's")] Page,
}

/// <summary>The plural of a content type: its URL segment (empty for types at the root) and the name people read.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class PluralAttribute(string segment, string label) : Attribute
{
    public string Segment { get; } = segment;
    public string Label { get; } = label;
}

public static class ContentTypes
{
    /// <summary>Every type, in the order of the enum.</summary>
    public static IReadOnlyList<ContentType> All { get; } = Enum.GetValues<ContentType>();

    /// <summary>The first path segment of the type's pages, or null for free pages, which live at the root.</summary>
    public static string? Segment(this ContentType type) => Plural(type).Segment is { Length: > 0 } segment ? segment : null;

    public static string PluralLabel(this ContentType type) => Plural(type).Label;

    // Read once: every page header names every type, and reading attributes is reflection.
    private static readonly Dictionary<ContentType, PluralAttribute> Plurals = All.ToDictionary(type => type, type =>
        typeof(ContentType).GetField(type.ToString())?.GetCustomAttributes(typeof(PluralAttribute), false).OfType<PluralAttribute>().FirstOrDefault()
        ?? throw new InvalidOperationException($"ContentType.{type} has no [Plural] attribute"));

    private static PluralAttribute Plural(ContentType type) => Plurals[type];
}
