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

/// <summary>
/// Plurals the Snowball stemmer leaves apart from their singular meet it: "organisaties" → "organisatie", "ruimtes" →
/// "ruimte", "collega's" → "collega", "categorieën" → "categorie", "gezinnen" → "gezin", "klassen" → "klas". Snowball
/// takes "-s" only after a consonant, never "-'s" or the "-en" after "-ie", and undoubles only k, d and t before "-en".
/// Only when what is left is a known word of four letters or more: "kansen" has no "kanse", "binnen" is no plural of
/// "bin", "jas" not of "ja", "lessen" not of "les" (so "bus" and "man" stay with the stemmer too).
/// </summary>
public sealed class PluralFilter(TokenStream input, Decompounder words) : WordBaseFilter(input)
{
    private const int MinSingular = 4;

    protected override int MinLength => MinSingular + 1;

    protected override bool MayEndWith(char last) => last is 's' or 'n';

    public override string? Base(string word)
    {
        string? singular = null;
        if (word.EndsWith("'s", StringComparison.Ordinal))
            singular = word[..^2];
        else if (word.EndsWith("ieen", StringComparison.Ordinal))
            singular = word[..^2];
        else if (word[^1] == 's' && IsVowel(word[^2]))
            singular = word[..^1];
        else if (word.EndsWith("en", StringComparison.Ordinal) && word[^3] == word[^4] && !IsVowel(word[^3]) && char.IsLetter(word[^3]))
            singular = word[..^3];
        return singular is { Length: >= MinSingular } && words.IsKnown(singular) ? singular : null;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
