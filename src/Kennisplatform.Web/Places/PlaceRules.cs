using Kennisplatform.Content.Model;

namespace Kennisplatform.Web.Places;

/// <summary>A municipality and, when known, a neighbourhood in it.</summary>
public sealed record Place(string Municipality, string Neighbourhood)
{
    public string MunicipalitySlug => SlugRules.FromTitle(Municipality);
    public string NeighbourhoodSlug => Neighbourhood.Length == 0 ? "" : SlugRules.FromTitle(Neighbourhood);
}

/// <summary>
/// Where an item is (each type says how, in its descriptor). Cases have their own municipality and neighbourhood fields;
/// a connector's area and an event's place are written "gemeente, wijk" (docs/content-format.md), so the part before the
/// first comma is the municipality.
/// </summary>
public static class PlaceRules
{
    public static Place? Of(ContentItem item) => Site.TypeDescriptors.Of(item.Kind).Place?.Invoke(item);

    /// <summary>
    /// The municipality before the first comma, the neighbourhood after it; without a comma, a town followed by a
    /// capitalised district ("Amsterdam Zuidoost") is split too, but not a town of two words ("Den Haag",
    /// "Bergen op Zoom").
    /// </summary>
    public static Place? Split(string text)
    {
        var parts = text.Split(',', 2, StringSplitOptions.TrimEntries);
        if (parts.Length > 1)
            return Make(parts[0], parts[1]);
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || TownPrefixes.Contains(words[0]) || words.Skip(1).Any(w => !char.IsUpper(w[0])))
            return Make(text, "");
        return Make(words[0], string.Join(' ', words[1..]));
    }

    /// <summary>Words that open a town name of more than one word.</summary>
    private static readonly HashSet<string> TownPrefixes = new(StringComparer.OrdinalIgnoreCase) { "den", "de", "het", "'s", "sint", "nieuw", "oud", "ter", "ten" };

    public static Place? Make(string municipality, string neighbourhood) =>
        string.IsNullOrWhiteSpace(municipality) || SlugRules.FromTitle(municipality) == "item" ? null : new(municipality.Trim(), neighbourhood.Trim());

    /// <summary>"Utrecht, Kanaleneiland" for a handout.</summary>
    public static string? Describe(string municipality, string neighbourhood) =>
        municipality.Length == 0 ? null : neighbourhood.Length == 0 ? municipality : $"{municipality}, {neighbourhood}";

    /// <summary>The municipality's CBS code from any CBS area code: WK059915 and BU05991501 lie in GM0599.</summary>
    public static string? MunicipalityCode(string cbsCode) => cbsCode.Length >= 6 && cbsCode[..2] is "GM" or "WK" or "BU" ? "GM" + cbsCode[2..6] : null;

    /// <summary>Whether a code names an area inside a municipality (a wijk WK###### or a buurt BU########), not the municipality itself.</summary>
    public static bool IsNeighbourhoodCode(string cbsCode) => cbsCode.Length >= 8 && cbsCode[..2] is "WK" or "BU";

    /// <summary>"gemeente", "wijk" or "buurt": what kind of area a CBS code names.</summary>
    public static string AreaKind(string cbsCode) => cbsCode[..2] switch { "WK" => "wijk", "BU" => "buurt", _ => "gemeente" };
}

public sealed class PlaceOptions
{
    /// <summary>The table with the official figures of every area, for when no area code is known.</summary>
    public string FiguresUrl { get; set; } = "https://www.cbs.nl/nl-nl/cijfers/detail/85984NED";
    public string FiguresName { get; set; } = "Kerncijfers wijken en buurten (CBS)";

    /// <summary>The same table opened on one area: {0} becomes the area's CBS code (GM0599, WK059915, BU05991501).</summary>
    public string AreaFiguresUrl { get; set; } = "https://www.cbs.nl/nl-nl/cijfers/detail/85984NED?q={0}";

    public string FiguresUrlFor(string cbsCode) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, AreaFiguresUrl, Uri.EscapeDataString(cbsCode));
}
