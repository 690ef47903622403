using System.Net;
using System.Text;
using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// The best passage of an item for a query, with matched words in &lt;mark&gt;, safe to put in HTML. Where the
/// words are is read from the index itself (its postings keep character offsets), so a match is exactly what the
/// index matched ("wijkschakelaars" is marked for "schakelaar") and nothing is analysed again. A passage comes
/// from one field and one paragraph: it never joins the summary to the body, or one part of a case to the next.
/// Stands in for Lucene.Net.Highlighter.
/// </summary>
internal static class Snippets
{
    public const int Length = 220;

    /// <summary>A matched word; <c>Rank</c> is its term's place in the query, which decides between matches that start together.</summary>
    private readonly record struct Match(int Start, int End, string Term, int Rank);

    /// <summary>
    /// The passage of each of <paramref name="docs"/> (top-level ids), from the first of its <paramref name="texts"/>
    /// (the stored texts of <see cref="SearchFields.Snippeted"/>, in that order) with the most different matched words.
    /// </summary>
    public static string[] Best(IndexReader reader, IReadOnlyList<int> docs, IReadOnlyCollection<BytesRef> terms, IReadOnlyList<IReadOnlyList<string>> texts)
    {
        var matches = Find(reader, docs, terms);
        var snippets = new string[docs.Count];
        for (var i = 0; i < docs.Count; i++)
            snippets[i] = Best(texts[i], matches[i]);
        return snippets;
    }

    private static string Best(IReadOnlyList<string> texts, List<Match>[] matches)
    {
        (string Text, List<Match> Matches) best = ("", []);
        var bestCount = 0;
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < texts.Count; f++)
        {
            var text = texts[f];
            if (text.Length == 0) continue;
            if (best.Text.Length == 0) best = (text, []);
            var inText = matches[f];
            inText.RemoveAll(m => m.End > text.Length);
            inText.Sort(InTextOrder);
            words.Clear();
            foreach (var match in inText)
                words.Add(match.Term);
            if (words.Count > bestCount)
            {
                best = (text, inText);
                bestCount = words.Count;
            }
        }
        if (best.Text.Length == 0)
            return "";
        var (start, end) = Window(best.Text, best.Matches, words);
        return Render(best.Text, start, end, best.Matches);
    }

    /// <summary>By where a match starts, then by its term's place in the query.</summary>
    private static readonly Comparison<Match> InTextOrder = static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Rank.CompareTo(b.Rank);

    /// <summary>The summary alone, cut to a passage: for a listing without query words.</summary>
    public static string Plain(string text)
    {
        var (start, end) = Window(text, [], []);
        return Render(text, start, end, []);
    }

    /// <summary>
    /// Where the terms are in each document's snippeted fields. The page's documents are taken per segment in document
    /// order, so each term is looked up once per segment and field and its postings are read forward through the page,
    /// with one postings reader reused throughout. Looked up per hit, field and term, a page opened about two thousand
    /// postings readers, each cloning three index files; Lucene.Net's MMapDirectory registers every clone in a
    /// ConditionalWeakTable whose handles each garbage collection scans, and those collections, paid by the request
    /// that triggers them, were about half of a results page's p95.
    /// </summary>
    private static List<Match>[][] Find(IndexReader reader, IReadOnlyList<int> docs, IReadOnlyCollection<BytesRef> terms)
    {
        var fields = SearchFields.Snippeted;
        var found = docs.Select(_ => fields.Select(_ => new List<Match>()).ToArray()).ToArray();
        // A compound part counts as the word it was asked as: "~preventie" and "preventie" are one word of the query.
        // Sought in index order, so each seek of the terms enumerator starts from where the previous one ended.
        var words = terms.Select((t, rank) => (Term: t, Word: t.Utf8ToString().TrimStart(PartMarkerFilter.Marker), Rank: rank))
            .OrderBy(w => w.Term, BytesRef.UTF8SortedAsUnicodeComparer).ToList();
        var leaves = reader.Leaves;
        foreach (var segment in Enumerable.Range(0, docs.Count).GroupBy(i => ReaderUtil.SubIndex(docs[i], leaves)))
        {
            var leaf = leaves[segment.Key];
            var inOrder = segment.OrderBy(i => docs[i]).ToList();
            DocsAndPositionsEnum? postings = null;
            for (var f = 0; f < fields.Count; f++)
            {
                var termsEnum = leaf.AtomicReader.GetTerms(fields[f])?.GetEnumerator();
                if (termsEnum is null) continue;
                foreach (var (term, word, rank) in words)
                {
                    if (!TermStates.SeekExact(leaf.AtomicReader, termsEnum, new Term(fields[f], term))) continue;
                    postings = termsEnum.DocsAndPositions(null, postings, DocsAndPositionsFlags.OFFSETS);
                    if (postings is null) continue;
                    foreach (var i in inOrder)
                    {
                        var local = docs[i] - leaf.DocBase;
                        if (postings.DocID < local && postings.Advance(local) == DocIdSetIterator.NO_MORE_DOCS) break;
                        if (postings.DocID != local) continue;
                        for (var p = 0; p < postings.Freq; p++)
                        {
                            postings.NextPosition();
                            if (postings.StartOffset >= 0)
                                found[i][f].Add(new Match(postings.StartOffset, postings.EndOffset, word, rank));
                        }
                    }
                }
            }
        }
        return found;
    }

    /// <summary>The window of at most <see cref="Length"/> characters, inside one paragraph, with the most different matched words.</summary>
    /// <param name="words">A set to count different words in; its contents are replaced.</param>
    private static (int Start, int End) Window(string text, List<Match> matches, HashSet<string> words)
    {
        var bestStart = 0;
        var bestParagraphEnd = ParagraphEnd(text, 0);
        var bestScore = (-1, -1);
        foreach (var first in matches)
        {
            var paragraphEnd = ParagraphEnd(text, first.Start);
            var limit = Math.Min(paragraphEnd, first.Start + Length);
            words.Clear();
            var inside = 0;
            foreach (var m in matches)
            {
                if (m.Start < first.Start || m.End > limit) continue;
                words.Add(m.Term);
                inside++;
            }
            var score = (words.Count, inside);
            if (score.CompareTo(bestScore) > 0)
            {
                bestScore = score;
                bestStart = first.Start;
                bestParagraphEnd = paragraphEnd;
            }
        }
        var paragraphStart = ParagraphStart(text, bestStart);
        // Start a little before the first match, at a word boundary, so the passage reads naturally.
        var start = Math.Max(paragraphStart, bestStart - 40);
        if (start > paragraphStart)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < bestStart ? space + 1 : bestStart;
        }
        var end = Math.Min(bestParagraphEnd, start + Length);
        if (end < bestParagraphEnd)
        {
            var space = text.LastIndexOf(' ', end);
            if (space > start) end = space;
        }
        return (start, end);
    }

    private static int ParagraphStart(string text, int at) => at == 0 ? 0 : text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;

    private static int ParagraphEnd(string text, int at)
    {
        var newline = text.IndexOf('\n', at);
        return newline < 0 ? text.Length : newline;
    }

    private static string Render(string text, int start, int end, List<Match> matches)
    {
        var html = new StringBuilder();
        if (start > 0) html.Append("… ");
        var position = start;
        foreach (var (matchStart, matchEnd, _, _) in matches)
        {
            if (matchStart < position || matchEnd > end) continue;
            html.Append(WebUtility.HtmlEncode(text[position..matchStart]));
            html.Append("<mark>").Append(WebUtility.HtmlEncode(text[matchStart..matchEnd])).Append("</mark>");
            position = matchEnd;
        }
        html.Append(WebUtility.HtmlEncode(text[position..end]));
        if (end < text.Length) html.Append(" …");
        return html.ToString().Trim();
    }
}
