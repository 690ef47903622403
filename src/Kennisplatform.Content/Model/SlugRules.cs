using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kennisplatform.Content.Model;

/// <summary>URL slugs made from Dutch titles: "Ideeën voor één wijk" becomes "ideeen-voor-een-wijk".</summary>
public static partial class SlugRules
{
    public const int MaxLength = 80;

    public static string FromTitle(string title)
    {
        var folded = FoldAccents(title.Replace("ĳ", "ij").Replace("Ĳ", "IJ").Replace("ß", "ss").Replace("&", " en "));
        var builder = new StringBuilder(folded.Length);
        foreach (var ch in folded.ToLowerInvariant())
            builder.Append(ch is >= 'a' and <= 'z' or >= '0' and <= '9' ? ch : '-');
        var slug = Dashes().Replace(builder.ToString(), "-").Trim('-');
        if (slug.Length > MaxLength)
            slug = slug[..MaxLength].TrimEnd('-');
        return slug.Length == 0 ? "item" : slug;
    }

    public static bool IsValid(string slug) => slug.Length <= MaxLength && Valid().IsMatch(slug);

    /// <summary>The first of slug, slug-2, slug-3, ... that <paramref name="isTaken"/> does not claim.</summary>
    public static string MakeUnique(string slug, Func<string, bool> isTaken)
    {
        if (!isTaken(slug))
            return slug;
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var candidate = (slug.Length + suffix.Length > MaxLength ? slug[..(MaxLength - suffix.Length)] : slug) + suffix;
            if (!isTaken(candidate))
                return candidate;
        }
    }

    public static string FoldAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
                builder.Append(ch);
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex("-{2,}")]
    private static partial Regex Dashes();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Valid();
}
