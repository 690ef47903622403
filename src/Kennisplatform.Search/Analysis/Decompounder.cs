using System.Collections.Concurrent;
using Lucene.Net.Analysis.Compound.Hyphenation;
using Lucene.Net.Analysis.Util;

namespace Kennisplatform.Search.Analysis;

/// <summary>
/// Splits Dutch compounds by data: a word is cut only at a hyphenation point, and only when both sides are known
/// words (the Dutch word list or the domain's compound parts), the left one optionally with a linking -s
/// ("ontmoetings|centrum"). So "buurtpreventie" gives "buurt" and "preventie", "wijkschakelaars" gives "wijk" and
/// "schakelaars", but "uitwijken" stays whole (a particle is never a part) and "eenzaamheid" too ("heid" is a
/// suffix, not a word). A head that is itself a compound is split once more. Results are cached per word: a
/// collection's vocabulary is small next to its text, so indexing pays for each word once.
/// </summary>
public sealed class Decompounder(DutchWords words, CharArraySet domainParts, HyphenationTree hyphenation)
{
    /// <summary>Shorter words are never split.</summary>
    public const int MinWord = 7;
    private const int MinPart = 4;
    /// <summary>A modifier of three letters ("val" in "valpreventie") is tried only by <see cref="ShortSplit"/>.</summary>
    private const int ShortModifier = 3;
    private const int MinShortHead = 5;
    private const int MaxCached = 500_000;

    /// <summary>Verb particles and prepositions: "uit|wijken", "door|werken" and "over|leg" are not compounds of nouns.</summary>
    private static readonly HashSet<string> NeverModifier =
    [
        "aan", "achter", "af", "bij", "binnen", "buiten", "door", "in", "langs", "mee", "na", "neer", "om", "onder",
        "op", "open", "over", "rond", "samen", "tegen", "terug", "toe", "uit", "voor", "voorbij", "weg", "ver", "ont",
        "her", "mis", "wan", "be", "ge", "er", "te",
        // "vrij|williger" is no compound of "vrij"; adjectives that open such words are listed here.
        "vrij",
    ];

    /// <summary>Suffixes that the word list also holds as words, or that only look like heads.</summary>
    private static readonly HashSet<string> NeverHead =
    [
        "heid", "heden", "schap", "schappen", "baar", "bare", "loos", "loze", "lijk", "lijke", "achtig", "achtige",
        "ing", "ingen", "ster", "sters", "isme", "iteit", "elijk", "elijke", "erij", "lingen", "ling", "tjes", "aars",
        "enen", "eren", "ende", "tijd", "wijs", "halve", "waarts",
    ];

    private readonly ConcurrentDictionary<string, string[]> cache = new(StringComparer.Ordinal);

    /// <summary>The parts of <paramref name="word"/> (folded, lower case), without the word itself; empty when it is no compound.</summary>
    public string[] Parts(string word)
    {
        if (word.Length < MinWord)
            return [];
        if (cache.TryGetValue(word, out var parts))
            return parts;
        parts = Split(word, depth: 0).Distinct().Where(p => p != word).ToArray();
        if (cache.Count > MaxCached)
            cache.Clear();
        cache[word] = parts;
        return parts;
    }

    /// <summary>
    /// A split behind a modifier of three letters ("val|preventie", "kas|geld"), which <see cref="Parts"/> never makes:
    /// many words begin with three letters that spell a word, so such splits are not indexed. Null when there is none.
    /// </summary>
    public (string Modifier, string Head)? ShortSplit(string word)
    {
        if (word.Length < MinWord || !HyphenationPoints(word).Contains(ShortModifier))
            return null;
        var (left, right) = (word[..ShortModifier], word[ShortModifier..]);
        return !NeverModifier.Contains(left) && IsWord(left) && right.Length >= MinShortHead && !NeverHead.Contains(right) && IsWord(right)
            ? (left, right)
            : null;
    }

    public bool IsWord(string word) => words.Contains(word) || domainParts.Contains(word);

    /// <summary>
    /// True when the word is in the word list or is a compound of known words whose head has five letters or more:
    /// "eenzaamheit" is no compound of "eenzaam" and "heit" but a typo.
    /// </summary>
    public bool IsKnown(string word) => IsWord(word) || Parts(word) is { Length: > 1 } parts && (parts[1].Length >= 5 || domainParts.Contains(parts[1]));

    private IEnumerable<string> Split(string word, int depth)
    {
        var points = HyphenationPoints(word);
        // The longest head first: "jongeren|werkplaats" before "jongerenwerk|plaats".
        foreach (var cut in points)
        {
            var left = word[..cut];
            var right = word[cut..];
            if (right.Length < MinPart && !domainParts.Contains(right) || NeverHead.Contains(right) || !IsWord(right))
                continue;
            var modifier = Modifier(left);
            if (modifier is null)
                continue;
            var result = new List<string> { modifier, right };
            if (depth == 0 && right.Length >= MinWord)
                result.AddRange(Split(right, 1));
            return result;
        }
        return [];
    }

    private string? Modifier(string left)
    {
        if (NeverModifier.Contains(left))
            return null;
        if ((left.Length >= MinPart || domainParts.Contains(left)) && IsWord(left))
            return left;
        // A linking -s: "ontmoetings|centrum", "stads|deel".
        if (left.Length > MinPart && left[^1] == 's' && !NeverModifier.Contains(left[..^1]) && IsWord(left[..^1]))
            return left[..^1];
        return null;
    }

    private List<int> HyphenationPoints(string word)
    {
        var found = hyphenation.Hyphenate(word, 1, 1);
        var cuts = new List<int>();
        if (found is null)
            return cuts;
        foreach (var point in found.HyphenationPoints)
            if (point > 0 && point < word.Length)
                cuts.Add(point);
        return cuts;
    }
}
