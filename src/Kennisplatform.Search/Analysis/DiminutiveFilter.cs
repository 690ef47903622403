using Lucene.Net.Analysis;

namespace Kennisplatform.Search.Analysis;

/// <summary>
/// A diminutive meets its word: "geveltuintjes" → "geveltuin", "buurtje" → "buurt", "boompje" → "boom",
/// "bloemetje" → "bloem", "broodjes" → "brood" are not reached by the Snowball stemmer. Only when what is left is a known
/// word of five letters or more: "beetje" (beet), "meisje" (meis) and "huisje" stay as they are, because short words
/// under a diminutive drift too far from their meaning to be safe.
/// </summary>
public sealed class DiminutiveFilter(TokenStream input, Decompounder words) : WordBaseFilter(input)
{
    private const int MinBase = 5;

    /// <summary>Endings tried in this order, the longest first. A doubled letter before "-etje" ("balletje") only comes after words too short to take.</summary>
    private static readonly string[] Endings = ["etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je"];

    protected override int MinLength => MinBase + 2;

    protected override bool MayEndWith(char last) => last is 'e' or 's';

    /// <summary>The word a diminutive is made of, or null when <paramref name="word"/> is none (or its word is short).</summary>
    public override string? Base(string word)
    {
        foreach (var ending in Endings)
        {
            if (!word.EndsWith(ending, StringComparison.Ordinal) || word.Length - ending.Length < MinBase)
                continue;
            var stem = word[..^ending.Length];
            if (words.IsKnown(stem))
                return stem;
        }
        return null;
    }
}
