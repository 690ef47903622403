using Lucene.Net.Analysis;

namespace Kennisplatform.Search.Analysis;

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
