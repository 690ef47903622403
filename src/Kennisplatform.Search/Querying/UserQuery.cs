using System.Text.RegularExpressions;

namespace Kennisplatform.Search.Querying;

/// <summary>One piece of what a person typed: a word or a quoted phrase, to find or (with a leading minus) to exclude.</summary>
public sealed record QueryPart(string Text, bool IsPhrase, bool IsExcluded);

/// <summary>
/// What a person typed, taken apart. The only syntax is "quoted phrases" and a leading minus; everything else
/// is text. Nothing here ever reaches Lucene's query parser, so no input can make a search fail.
/// </summary>
public static partial class UserQuery
{
    /// <summary>Longer input is cut: nobody types more, and it keeps the query small.</summary>
    public const int MaxLength = 500;
    public const int MaxParts = 16;

    public static IReadOnlyList<QueryPart> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        text = text.Length > MaxLength ? text[..MaxLength] : text;
        var parts = new List<QueryPart>();
        foreach (Match match in Pieces().Matches(text))
        {
            var excluded = match.Groups["minus"].Success;
            var phrase = match.Groups["phrase"];
            var value = phrase.Success ? phrase.Value : match.Groups["word"].Value;
            // Punctuation and operators alone ("*", "(", "-", "\"\"") search nothing: the query is as if empty.
            if (!value.Any(char.IsLetterOrDigit))
                continue;
            var part = new QueryPart(value.Trim(), phrase.Success && value.Trim().Contains(' '), excluded);
            // "wijk samenhang wijk" means the same as "wijk samenhang".
            if (parts.Any(p => p.IsPhrase == part.IsPhrase && p.IsExcluded == part.IsExcluded && string.Equals(p.Text, part.Text, StringComparison.OrdinalIgnoreCase)))
                continue;
            parts.Add(part);
            if (parts.Count == MaxParts)
                break;
        }
        return parts;
    }

    /// <summary>The words of a query as a person would write them again, for "did you mean" links.</summary>
    public static string Format(IEnumerable<QueryPart> parts) =>
        string.Join(' ', parts.Select(p => (p.IsExcluded ? "-" : "") + (p.IsPhrase ? $"\"{p.Text}\"" : p.Text)));

    // A minus counts only at the start of a piece; an unclosed quote runs to the end.
    [GeneratedRegex("""(?<minus>(?<=^|\s)-)?(?:"(?<phrase>[^"]*)"?|(?<word>[^\s"]+))""")]
    private static partial Regex Pieces();
}
