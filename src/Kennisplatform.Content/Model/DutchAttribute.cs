using System.Collections.Concurrent;
using System.Reflection;

namespace Kennisplatform.Content.Model;

/// <summary>
/// The Dutch face of an enum value: the code used in content files and URLs, and the label people read.
/// The one place where English names in code meet Dutch words on the site.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class DutchAttribute(string code, string label) : Attribute
{
    public string Code { get; } = code;
    public string Label { get; } = label;
}

public static class Dutch
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(Enum Value, DutchAttribute Dutch)>> Cache = new();

    public static IReadOnlyList<(Enum Value, DutchAttribute Dutch)> Members(Type enumType) =>
        Cache.GetOrAdd(enumType, t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((Enum)f.GetValue(null)!, f.GetCustomAttribute<DutchAttribute>()
                ?? throw new InvalidOperationException($"{t.Name}.{f.Name} has no [Dutch] attribute")))
            .ToList());

    public static IEnumerable<T> Values<T>() where T : struct, Enum => Members(typeof(T)).Select(m => (T)m.Value);

    public static string Code<T>(this T value) where T : struct, Enum => Find(value).Code;

    public static string Label<T>(this T value) where T : struct, Enum => Find(value).Label;

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        if (code is not null && Of<T>.ByCode.TryGetValue(code.Trim(), out value))
            return true;
        value = default;
        return false;
    }

    /// <summary>The allowed codes, for error messages: "geslaagd, deels, mislukt of te-vroeg".</summary>
    public static string CodeList<T>() where T : struct, Enum
    {
        var codes = Members(typeof(T)).Select(m => m.Dutch.Code).ToList();
        return codes.Count == 1 ? codes[0] : string.Join(", ", codes.Take(codes.Count - 1)) + " of " + codes[^1];
    }

    private static DutchAttribute Find<T>(T value) where T : struct, Enum =>
        Of<T>.ByValue.TryGetValue(value, out var dutch) ? dutch : throw new InvalidOperationException($"{typeof(T).Name} {value} has no [Dutch] attribute");

    /// <summary>
    /// One enum's members by value and by code, made once: labels and codes are asked for many times on every page
    /// and for every indexed item, and walking the members with boxed comparisons showed up in the search page's profile.
    /// </summary>
    private static class Of<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, DutchAttribute> ByValue = [];
        public static readonly Dictionary<string, T> ByCode = new(StringComparer.OrdinalIgnoreCase);

        static Of()
        {
            // The first member wins, as a walk in declaration order found it.
            foreach (var (member, dutch) in Members(typeof(T)))
            {
                ByValue.TryAdd((T)member, dutch);
                ByCode.TryAdd(dutch.Code, (T)member);
            }
        }
    }
}
