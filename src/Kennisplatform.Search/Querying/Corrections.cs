using Lucene.Net.Index;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// "Did you mean": the closest word in the index's own vocabulary, found by intersecting a Levenshtein automaton
/// (one edit, then two for longer words; a swap of two letters counts as one) with the vocabulary's terms, and
/// ranked by distance, then by how many items use the word. Stands in for Lucene.Net.Suggest.
/// </summary>
internal static class Corrections
{
    public static string? Best(IndexReader reader, string field, string word)
    {
        if (word.Length < 4 || word.Any(char.IsDigit))
            return null;
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
            return null;
        var maxEdits = word.Length >= 7 ? 2 : 1;
        for (var edits = 1; edits <= maxEdits; edits++)
        {
            var automaton = new LevenshteinAutomata(word, withTranspositions: true).ToAutomaton(edits);
            var compiled = new CompiledAutomaton(automaton);
            var termsEnum = compiled.GetTermsEnum(terms);
            string? best = null;
            var bestFrequency = 0;
            while (termsEnum.MoveNext())
            {
                var text = termsEnum.Term.Utf8ToString();
                if (text == word) continue;
                if (termsEnum.DocFreq > bestFrequency)
                {
                    best = text;
                    bestFrequency = termsEnum.DocFreq;
                }
            }
            if (best is not null)
                return best;
        }
        return null;
    }

    /// <summary>Words of the vocabulary that start with <paramref name="prefix"/>, most used first.</summary>
    public static IReadOnlyList<string> Complete(IndexReader reader, string field, string prefix, int count) =>
        Starting(reader, field, prefix, 2000)
            .OrderByDescending(f => f.Frequency).ThenBy(f => f.Term.Length).ThenBy(f => f.Term, StringComparer.Ordinal)
            .Take(count).Select(f => f.Term).ToList();

    /// <summary>At most <paramref name="limit"/> words of the vocabulary that start with <paramref name="prefix"/>, in sorted order, with how many items hold each.</summary>
    public static IEnumerable<(string Term, int Frequency)> Starting(IndexReader reader, string field, string prefix, int limit)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null || prefix.Length == 0)
            yield break;
        var termsEnum = terms.GetEnumerator();
        var start = new BytesRef(prefix);
        if (termsEnum.SeekCeil(start) == TermsEnum.SeekStatus.END)
            yield break;
        var count = 0;
        do
        {
            var term = termsEnum.Term;
            if (!StringHelper.StartsWith(term, start))
                yield break;
            yield return (term.Utf8ToString(), termsEnum.DocFreq);
        } while (++count < limit && termsEnum.MoveNext());
    }
}
