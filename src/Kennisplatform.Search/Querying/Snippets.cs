using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// The best passage of a text for a query, with matched words in &lt;mark&gt;, safe to put in HTML.
/// The stored text is analysed again with the index analyzer, so a match is exactly what the index matched:
/// "wijkschakelaars" is marked for the query "schakelaar". Stands in for Lucene.Net.Highlighter.
/// Splitting compounds is most of the cost, so the passage is chosen with a fast analyzer that does not split
/// them, and only the chosen passage is analysed with the full one, unless the fast one finds nothing at all.
/// </summary>
internal static class Snippets
{
    public const int Length = 220;

    public static string Best(Analyzer full, Analyzer fast, IReadOnlySet<string> terms, params string[] texts)
    {
        var candidates = texts.Where(t => t.Length > 0).ToList();
        if (candidates.Count == 0)
            return "";
        var (text, matches) = Choose(fast, terms, candidates);
        if (matches.Count == 0)
            (text, matches) = Choose(full, terms, candidates);
        var (start, end) = Window(text, matches);
        // The passage again, with compound parts too, so "wijkschakelaars" is marked for "schakelaar".
        var passage = Matches(full, text[start..end], terms).Select(m => (m.Start + start, m.End + start, m.Term)).ToList();
        return Render(text, start, end, passage.Count >= matches.Count(m => m.Start >= start && m.End <= end) ? passage : matches);
    }

    private static (string Text, List<(int Start, int End, string Term)> Matches) Choose(Analyzer analyzer, IReadOnlySet<string> terms, List<string> texts)
    {
        (string Text, List<(int Start, int End, string Term)> Matches) best = (texts[0], []);
        foreach (var text in texts)
        {
            var matches = Matches(analyzer, text, terms);
            if (Distinct(matches) > Distinct(best.Matches))
                best = (text, matches);
        }
        return best;
    }

    private static int Distinct(List<(int Start, int End, string Term)> matches) => matches.Select(m => m.Term).Distinct().Count();

    private static List<(int Start, int End, string Term)> Matches(Analyzer analyzer, string text, IReadOnlySet<string> terms)
    {
        var matches = new List<(int, int, string)>();
        if (terms.Count == 0)
            return matches;
        using var stream = analyzer.GetTokenStream(Indexing.SearchFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (terms.Contains(value) && (matches.Count == 0 || matches[^1].Item1 != offset.StartOffset))
                matches.Add((offset.StartOffset, offset.EndOffset, value));
        }
        stream.End();
        return matches;
    }

    /// <summary>The window of <see cref="Length"/> characters with the most different matched words, then the most matches.</summary>
    private static (int Start, int End) Window(string text, List<(int Start, int End, string Term)> matches)
    {
        if (text.Length <= Length)
            return (0, text.Length);
        var bestStart = 0;
        var bestScore = (-1, -1);
        foreach (var first in matches)
        {
            var inside = matches.Where(m => m.Start >= first.Start && m.End <= first.Start + Length).ToList();
            var score = (inside.Select(m => m.Term).Distinct().Count(), inside.Count);
            if (score.CompareTo(bestScore) > 0)
            {
                bestScore = score;
                bestStart = first.Start;
            }
        }
        // Start a little before the first match, at a word boundary, so the passage reads naturally.
        var start = Math.Max(0, bestStart - 40);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < bestStart ? space + 1 : bestStart;
        }
        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            if (space > start) end = space;
        }
        return (start, end);
    }

    private static string Render(string text, int start, int end, List<(int Start, int End, string Term)> matches)
    {
        var html = new StringBuilder();
        if (start > 0) html.Append("… ");
        var position = start;
        foreach (var (matchStart, matchEnd, _) in matches.Where(m => m.Start >= start && m.End <= end))
        {
            if (matchStart < position) continue;
            html.Append(WebUtility.HtmlEncode(text[position..matchStart]));
            html.Append("<mark>").Append(WebUtility.HtmlEncode(text[matchStart..matchEnd])).Append("</mark>");
            position = matchEnd;
        }
        html.Append(WebUtility.HtmlEncode(text[position..end]));
        if (end < text.Length) html.Append(" …");
        return html.ToString().Replace('\n', ' ');
    }
}
