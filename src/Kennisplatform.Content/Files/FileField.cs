using System.Globalization;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Files;

/// <summary>Finds linked items while a file is read: in the database or among the other files of the same import.</summary>
public interface IReferenceLookup
{
    ContentItem? Find(ContentType type, string slug);
}

/// <summary>
/// One front-matter key of a content type: how it is read into an item and written out of it.
/// Reading and writing are defined together, so an export always imports back to the same content.
/// </summary>
/// <summary>How a field is edited in a form.</summary>
public enum FieldKind { Line, Text, Number, YesNo, Choice, Choices, Date, Moment, Links, Link }

public abstract class FileField(string key, FieldKind kind)
{
    public string Key { get; } = key;
    public FieldKind Kind { get; } = kind;
    /// <summary>For a choice: the allowed codes with their Dutch labels.</summary>
    public IReadOnlyList<(string Code, string Label)> Choices { get; init; } = [];
    /// <summary>For links: the type of the items linked to.</summary>
    public ContentType? Target { get; init; }
    /// <summary>References are read after every item of an import exists, so files may link to each other.</summary>
    public virtual bool IsReference => false;

    /// <summary>Sets the field from <paramref name="value"/>, or to its default when the key is absent (null). Returns a Dutch problem or null.</summary>
    public abstract string? Read(ContentItem item, FileValue? value, IReferenceLookup lookup);

    /// <summary>The value to write, or null when it is empty and may be left out.</summary>
    public abstract FileValue? Write(ContentItem item);
}

/// <summary>Builders for the field kinds. Each keeps conversions in one place.</summary>
public static class Field
{
    public static FileField Text<T>(string key, Func<T, string> get, Action<T, string> set, bool multiline = false) where T : ContentItem =>
        new Scalar<T>(key, multiline ? FieldKind.Text : FieldKind.Line,
            item => get(item) is { Length: > 0 } v ? v : null,
            (item, text) => { set(item, text?.Trim() ?? ""); return null; });

    public static FileField Int<T>(string key, Func<T, int?> get, Action<T, int?> set) where T : ContentItem =>
        new Scalar<T>(key, FieldKind.Number,
            item => get(item)?.ToString(CultureInfo.InvariantCulture),
            (item, text) =>
            {
                if (string.IsNullOrWhiteSpace(text)) { set(item, null); return null; }
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                    return $"'{key}' moet een heel getal zijn, niet '{text}'.";
                set(item, number);
                return null;
            });

    public static FileField Bool<T>(string key, Func<T, bool> get, Action<T, bool> set) where T : ContentItem =>
        new Scalar<T>(key, FieldKind.YesNo,
            item => get(item) ? "ja" : null,
            (item, text) =>
            {
                switch (text?.Trim().ToLowerInvariant())
                {
                    case null or "" or "nee" or "false" or "no": set(item, false); return null;
                    case "ja" or "true" or "yes": set(item, true); return null;
                    default: return $"'{key}' moet 'ja' of 'nee' zijn, niet '{text}'.";
                }
            });

    public static FileField Choice<T, TEnum>(string key, Func<T, TEnum?> get, Action<T, TEnum?> set, TEnum? fallback = null)
        where T : ContentItem where TEnum : struct, Enum =>
        new Scalar<T>(key, FieldKind.Choice,
            item => get(item) is { } v && !v.Equals(fallback) ? v.Code() : null,
            (item, text) =>
            {
                if (string.IsNullOrWhiteSpace(text)) { set(item, fallback); return null; }
                if (!Dutch.TryParse<TEnum>(text, out var value))
                    return $"'{text}' is geen geldige waarde voor '{key}'. Kies uit: {Dutch.CodeList<TEnum>()}.";
                set(item, value);
                return null;
            })
        { Choices = Dutch.Members(typeof(TEnum)).Select(m => (m.Dutch.Code, m.Dutch.Label)).ToList() };

    /// <summary>Several values of a [Flags] enum, written as a list of codes in the enum's order.</summary>
    public static FileField ChoiceSet<T, TEnum>(string key, Func<T, TEnum> get, Action<T, TEnum> set)
        where T : ContentItem where TEnum : struct, Enum => new FlagList<T, TEnum>(key, get, set)
        { Choices = Dutch.Members(typeof(TEnum)).Select(m => (m.Dutch.Code, m.Dutch.Label)).ToList() };

    public static FileField Date<T>(string key, Func<T, DateOnly?> get, Action<T, DateOnly?> set) where T : ContentItem =>
        new Scalar<T>(key, FieldKind.Date,
            item => get(item)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (item, text) =>
            {
                if (string.IsNullOrWhiteSpace(text)) { set(item, null); return null; }
                if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return $"'{key}' moet een datum zijn zoals 2024-03-01, niet '{text}'.";
                set(item, date);
                return null;
            });

    /// <summary>A moment in Dutch local time: "2019-01-29 16:00" or a date alone for midnight.</summary>
    public static FileField Moment<T>(string key, Func<T, DateTime?> get, Action<T, DateTime?> set) where T : ContentItem =>
        new Scalar<T>(key, FieldKind.Moment,
            item => get(item) is { } utc ? MomentText.Format(utc) : null,
            (item, text) =>
            {
                if (string.IsNullOrWhiteSpace(text)) { set(item, null); return null; }
                var (utc, problem) = MomentText.Parse(key, text);
                if (problem is not null) return problem;
                set(item, utc);
                return null;
            });

    public static FileField Links<T, TTarget>(string key, ContentType targetType, Func<T, List<TTarget>> get)
        where T : ContentItem where TTarget : ContentItem => new LinkList<T, TTarget>(key, targetType, get) { Target = targetType };

    public static FileField Link<T, TTarget>(string key, ContentType targetType, Func<T, TTarget?> get, Action<T, TTarget?> set)
        where T : ContentItem where TTarget : ContentItem => new SingleLink<T, TTarget>(key, targetType, get, set) { Target = targetType };

    private sealed class Scalar<T>(string key, FieldKind kind, Func<T, string?> write, Func<T, string?, string?> read) : FileField(key, kind)
        where T : ContentItem
    {
        public override string? Read(ContentItem item, FileValue? value, IReferenceLookup lookup)
        {
            if (value?.List is not null)
                return $"'{Key}' moet één waarde zijn, geen lijst.";
            return read((T)item, value?.Scalar);
        }

        public override FileValue? Write(ContentItem item) => write((T)item) is { } text ? FileValue.Text(text) : null;
    }

    private sealed class FlagList<T, TEnum>(string key, Func<T, TEnum> get, Action<T, TEnum> set) : FileField(key, FieldKind.Choices)
        where T : ContentItem where TEnum : struct, Enum
    {
        public override string? Read(ContentItem item, FileValue? value, IReferenceLookup lookup)
        {
            var codes = value?.List ?? (string.IsNullOrWhiteSpace(value?.Scalar) ? [] : [value.Scalar]);
            long flags = 0;
            var unknown = new List<string>();
            foreach (var code in codes.Select(c => c.Trim()).Where(c => c.Length > 0))
            {
                if (Dutch.TryParse<TEnum>(code, out var one)) flags |= Convert.ToInt64(one, CultureInfo.InvariantCulture);
                else unknown.Add(code);
            }
            if (unknown.Count > 0)
                return $"'{string.Join("', '", unknown)}' {(unknown.Count == 1 ? "is geen geldige waarde" : "zijn geen geldige waarden")} voor '{Key}'. Kies uit: {Dutch.CodeList<TEnum>()}.";
            set((T)item, (TEnum)Enum.ToObject(typeof(TEnum), flags));
            return null;
        }

        public override FileValue? Write(ContentItem item)
        {
            var flags = Convert.ToInt64(get((T)item), CultureInfo.InvariantCulture);
            var codes = Dutch.Members(typeof(TEnum)).Where(m => (flags & Convert.ToInt64(m.Value, CultureInfo.InvariantCulture)) != 0).Select(m => m.Dutch.Code).ToList();
            return codes.Count > 0 ? FileValue.Items(codes) : null;
        }
    }

    private sealed class LinkList<T, TTarget>(string key, ContentType targetType, Func<T, List<TTarget>> get) : FileField(key, FieldKind.Links)
        where T : ContentItem where TTarget : ContentItem
    {
        public override bool IsReference => true;

        public override string? Read(ContentItem item, FileValue? value, IReferenceLookup lookup)
        {
            var slugs = value?.List ?? (string.IsNullOrWhiteSpace(value?.Scalar) ? [] : [value.Scalar]);
            var targets = new List<TTarget>();
            var missing = new List<string>();
            foreach (var slug in slugs.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct())
            {
                if (lookup.Find(targetType, slug) is TTarget target) targets.Add(target);
                else missing.Add(slug);
            }
            if (missing.Count > 0)
                return $"'{Key}' noemt {targetType.Label().ToLowerInvariant()} '{string.Join("', '", missing)}', maar die bestaat niet.";
            var list = get((T)item);
            list.RemoveAll(t => !targets.Contains(t));
            list.AddRange(targets.Where(t => !list.Contains(t)));
            return null;
        }

        public override FileValue? Write(ContentItem item) =>
            get((T)item) is { Count: > 0 } list ? FileValue.Items(list.Select(t => t.Slug).Order(StringComparer.Ordinal).ToList()) : null;
    }

    private sealed class SingleLink<T, TTarget>(string key, ContentType targetType, Func<T, TTarget?> get, Action<T, TTarget?> set)
        : FileField(key, FieldKind.Link) where T : ContentItem where TTarget : ContentItem
    {
        public override bool IsReference => true;

        public override string? Read(ContentItem item, FileValue? value, IReferenceLookup lookup)
        {
            if (value?.List is not null)
                return $"'{Key}' moet één {targetType.Label().ToLowerInvariant()} noemen, geen lijst.";
            var slug = value?.Scalar?.Trim();
            if (string.IsNullOrEmpty(slug)) { set((T)item, null); return null; }
            if (lookup.Find(targetType, slug) is not TTarget target)
                return $"'{Key}' noemt {targetType.Label().ToLowerInvariant()} '{slug}', maar die bestaat niet.";
            set((T)item, target);
            return null;
        }

        public override FileValue? Write(ContentItem item) => get((T)item) is { } target ? FileValue.Text(target.Slug) : null;
    }
}

/// <summary>Dutch local moments as text, for files and forms.</summary>
public static class MomentText
{
    private static readonly string[] Formats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public static string Format(DateTime utc)
    {
        var local = DutchTime.ToLocal(utc);
        var format = local.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : local.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss";
        return local.ToString(format, CultureInfo.InvariantCulture);
    }

    public static (DateTime Utc, string? Problem) Parse(string key, string text)
    {
        if (!DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return (default, $"'{key}' moet een datum met eventueel een tijd zijn, zoals 2019-01-29 16:00, niet '{text}'.");
        return DutchTime.ToUtc(local) is { } utc
            ? (utc, null)
            : (default, $"'{key}': {text} bestaat niet in Nederland, omdat de klok dan een uur vooruit gaat.");
    }
}
