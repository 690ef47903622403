using System.Runtime.CompilerServices;
using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// Pseudo-relevance feedback: the words that the best few hits of a query share, and that few items use, say what the
/// query is about in the words of the texts ("geveltuin": tegels, klimplanten). Sought besides the query's own words,
/// far below them, they find items that say the same thing without the word typed.
/// An item's candidate words (its analysed forms of four letters or more) never change while its segment lives, so they
/// are worked out once per item and kept with the segment, as the terms' lookups are (<see cref="TermStates"/>): the
/// cache goes when the segment is merged away, and holds at most <see cref="KeptPerSegment"/> items a segment (beyond
/// that an item's texts are analysed every time it is one of the best hits).
/// </summary>
internal static class Feedback
{
    /// <summary>The best hits read for their words.</summary>
    public const int Hits = 3;
    /// <summary>A word counts only when at least this many of those hits use it: one text's quirks say nothing.</summary>
    private const int SharedBy = 2;
    private const int MaxWords = 5;
    /// <summary>A word that more than this share of the items hold says too little to rank by.</summary>
    private const double MaxShare = 0.1;
    /// <summary>Short forms ("jaar", "wel") are mostly common words the stop list lets through.</summary>
    private const int MinLength = 4;
    /// <summary>Items a segment keeps the words of: about 150 forms (6 KB) each for a text of a few hundred words.</summary>
    public const int KeptPerSegment = 2_048;

    private static readonly ConditionalWeakTable<object, Kept<int, string[]>> Segments = new();

    /// <summary>
    /// The candidate words of item <paramref name="doc"/> of <paramref name="segment"/>, in ordinal order, from the kept
    /// ones or by analysing <paramref name="texts"/> (its title and texts) with <paramref name="analyzer"/>.
    /// </summary>
    public static string[] Candidates(AtomicReader segment, int doc, Analyzer analyzer, Func<IEnumerable<string>> texts)
    {
        // The core key is shared by every reopened view of the segment; deletes do not change its items' texts.
        return Segments.GetValue(segment.CoreCacheKey, _ => new Kept<int, string[]>(KeptPerSegment))
            .GetOrKeep(doc, (analyzer, texts), static (_, s) => Analyse(s.analyzer, s.texts()));
    }

    /// <summary>The distinct analysed forms of four letters or more, analysed as a query is, in ordinal order.</summary>
    public static string[] Analyse(Analyzer analyzer, IEnumerable<string> texts)
    {
        var forms = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var form in FoldingAnalyzer.Tokens(analyzer, text, SearchFields.Body))
                if (form.Length >= MinLength)
                    forms.Add(form);
        return [.. forms];
    }

    /// <summary>How many items hold <paramref name="form"/> in their body or title, as the rarity of a feedback word was always counted.</summary>
    private static int Held(IndexReader reader, string form) =>
        TermStates.DocFreq(reader, SearchFields.Body, form) + TermStates.DocFreq(reader, SearchFields.Title, form);

    /// <summary>
    /// The forms that at least <see cref="SharedBy"/> of the hits' candidates (each in ordinal order) hold, that the query
    /// does not already seek and that at most a tenth of the items hold, most shared times rarest first, at most
    /// <see cref="MaxWords"/>.
    /// </summary>
    public static IReadOnlyList<string> Words(IndexReader reader, IReadOnlyList<string[]> candidates, IReadOnlySet<string> sought)
    {
        var items = reader.NumDocs;
        var common = Math.Max(SharedBy, items * MaxShare);
        // The candidates are sorted: walking each pair side by side finds the forms two hits share, one comparison a
        // step; each form keeps which hits hold it, one bit a hit (there are only a few).
        var holders = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
            for (var j = i + 1; j < candidates.Count; j++)
                MarkShared(candidates[i], candidates[j], (1 << i) | (1 << j), holders);
        var forms = holders.Keys.Where(f => !sought.Contains(f)).ToArray();
        Array.Sort(forms, StringComparer.Ordinal);
        var ranked = new List<(string Form, double Weight)>();
        foreach (var form in forms)
        {
            var shared = System.Numerics.BitOperations.PopCount((uint)holders[form]);
            if (shared < SharedBy)
                continue;
            var held = Held(reader, form);
            if (held > 0 && held <= common)
                ranked.Add((form, shared * Math.Log((double)items / held)));
        }
        // Forms come in ordinal order, and the sort is stable: ties stay in that order, as before.
        return ranked.OrderByDescending(r => r.Weight).Take(MaxWords).Select(r => r.Form).ToList();
    }

    /// <summary>Marks the two hits (<paramref name="both"/>, one bit each) as holders of every form both sorted lists hold.</summary>
    private static void MarkShared(string[] a, string[] b, int both, Dictionary<string, int> holders)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var order = string.CompareOrdinal(a[i], b[j]);
            if (order < 0)
                i++;
            else if (order > 0)
                j++;
            else
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(holders, a[i], out _) |= both;
                i++;
                j++;
            }
        }
    }
}
