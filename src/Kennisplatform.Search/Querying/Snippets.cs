using System.Net;
using System.Text;
using Kennisplatform.Search.Analysis;
using Lucene.Net.Index;
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

    private readonly record struct Match(int Start, int End, string Term);

    /// <summary>The passage for document <paramref name="doc"/> (top-level id) from the first of <paramref name="texts"/> with the most different matched words.</summary>
    public static string Best(IndexReader reader, int doc, IReadOnlyCollection<BytesRef> terms, IReadOnlyList<(string Field, string Text)> texts)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var local = doc - leaf.DocBase;
        (string Text, List<Match> Matches) best = ("", []);
        var bestCount = 0;
        foreach (var (field, text) in texts)
        {
            if (text.Length == 0) continue;
            if (best.Text.Length == 0) best = (text, []);
            var matches = Matches(leaf.AtomicReader, local, field, terms, text.Length);
            var count = matches.Select(m => m.Term).Distinct().Count();
            if (count > bestCount)
            {
                best = (text, matches);
                bestCount = count;
            }
        }
        if (best.Text.Length == 0)
            return "";
        var (start, end) = Window(best.Text, best.Matches);
        return Render(best.Text, start, end, best.Matches);
    }

    /// <summary>The summary alone, cut to a passage: for a listing without query words.</summary>
    public static string Plain(string text)
    {
        var (start, end) = Window(text, []);
        return Render(text, start, end, []);
    }

    private static List<Match> Matches(AtomicReader reader, int doc, string field, IReadOnlyCollection<BytesRef> terms, int textLength)
    {
        var matches = new List<Match>();
        var fieldTerms = reader.GetTerms(field);
        if (fieldTerms is null || terms.Count == 0)
            return matches;
        var termsEnum = fieldTerms.GetEnumerator();
        foreach (var term in terms)
        {
            if (!termsEnum.SeekExact(term))
                continue;
            var postings = termsEnum.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS);
            if (postings is null || postings.Advance(doc) != doc)
                continue;
            // A compound part counts as the word it was asked as: "~preventie" and "preventie" are one word of the query.
            var text = term.Utf8ToString().TrimStart(PartMarkerFilter.Marker);
            for (var i = 0; i < postings.Freq; i++)
            {
                postings.NextPosition();
                if (postings.StartOffset >= 0 && postings.EndOffset <= textLength)
                    matches.Add(new Match(postings.StartOffset, postings.EndOffset, text));
            }
        }
        matches.Sort((a, b) => a.Start.CompareTo(b.Start));
        return matches;
    }

    /// <summary>The window of at most <see cref="Length"/> characters, inside one paragraph, with the most different matched words.</summary>
    private static (int Start, int End) Window(string text, List<Match> matches)
    {
        var bestStart = 0;
        var bestParagraphEnd = ParagraphEnd(text, 0);
        var bestScore = (-1, -1);
        foreach (var first in matches)
        {
            var paragraphEnd = ParagraphEnd(text, first.Start);
            var limit = Math.Min(paragraphEnd, first.Start + Length);
            var inside = matches.Where(m => m.Start >= first.Start && m.End <= limit).ToList();
            var score = (inside.Select(m => m.Term).Distinct().Count(), inside.Count);
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
        foreach (var (matchStart, matchEnd, _) in matches)
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
