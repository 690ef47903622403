using Kennisplatform.Content.Model;

namespace Kennisplatform.Web.Pages.Selection;

public sealed record SelectionEntry(ContentType Type, string Slug)
{
    /// <summary>"praktijkvoorbeeld:buurtkamer-de-linde": the value of one pick in a form.</summary>
    public string Key => Type.Code() + ":" + Slug;
}

/// <summary>
/// "Mijn selectie" lives in its address: /selectie?praktijkvoorbeeld=a&amp;interventie=b. No account, no cookie, no
/// server state: the address is the selection, so it can be bookmarked and shared. <c>erbij=type:slug</c> adds one.
/// </summary>
public static class SelectionAddress
{
    private static readonly List<ContentType> SelectableTypes = Site.TypeDescriptors.All.Where(d => d.Selectable).Select(d => d.Type).ToList();

    /// <summary>The types a selection can hold, in the order a selection shows them.</summary>
    public static IReadOnlyList<ContentType> Types => SelectableTypes;

    /// <summary>The place of <paramref name="type"/> in <see cref="Types"/>: a selection lists its items by it.</summary>
    public static int Rank(ContentType type) => SelectableTypes.IndexOf(type);

    /// <summary>More would no longer be a handout; it also bounds the work one address can ask for.</summary>
    public const int MaxItems = 50;

    public const string AddKey = "erbij";

    public static List<SelectionEntry> Parse(IQueryCollection query, ICollection<string> problems)
    {
        var entries = new List<SelectionEntry>();
        foreach (var type in Types)
            foreach (var slug in query[type.Code()])
                Add(entries, type, slug, problems);
        foreach (var pick in query[AddKey])
        {
            var parts = (pick ?? "").Split(':', 2);
            if (parts.Length == 2 && Dutch.TryParse<ContentType>(parts[0], out var type) && Types.Contains(type))
                Add(entries, type, parts[1], problems);
            else if (!string.IsNullOrWhiteSpace(pick))
                problems.Add($"Dit item kan niet in een selectie. Je kunt {string.Join(", ", Types.Select(t => t.PluralLabel().ToLowerInvariant()).SkipLast(1))} en {Types[^1].PluralLabel().ToLowerInvariant()} kiezen.");
        }
        if (entries.Count > MaxItems)
        {
            problems.Add($"Een selectie heeft hoogstens {MaxItems} items. We bewaren de eerste {MaxItems}.");
            entries.RemoveRange(MaxItems, entries.Count - MaxItems);
        }
        return entries;
    }

    private static void Add(List<SelectionEntry> entries, ContentType type, string? slug, ICollection<string> problems)
    {
        slug = slug?.Trim().ToLowerInvariant() ?? "";
        if (slug.Length == 0)
            return;
        if (!SlugRules.IsValid(slug))
            problems.Add($"'{(slug.Length > 60 ? slug[..60] + "…" : slug)}' is geen geldige naam van een {type.Label().ToLowerInvariant()}.");
        else if (!entries.Contains(new(type, slug)))
            entries.Add(new(type, slug));
    }

    /// <summary>Route values for the canonical address: one key per type, in a fixed order.</summary>
    public static RouteValueDictionary RouteValues(IEnumerable<SelectionEntry> entries)
    {
        var values = new RouteValueDictionary();
        foreach (var group in entries.GroupBy(e => e.Type).OrderBy(g => Rank(g.Key)))
            values[group.Key.Code()] = group.Select(e => e.Slug).Order(StringComparer.Ordinal).ToArray();
        return values;
    }
}
