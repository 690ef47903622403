namespace Kennisplatform.Search.Analysis;

/// <summary>
/// The synonyms of more than one word ("huiselijk geweld, partnergeweld, relationeel geweld"). Lucene's synonym
/// filter sees one query word at a time here and would spread such a synonym into loose words ("sociaal werker" into
/// "sociaal" and "werker"), so these are kept apart: typed together, the words of a member find the rest of its group,
/// and a member of several words is sought as those words together.
/// </summary>
public sealed class SynonymPhrases
{
    public static readonly SynonymPhrases None = new(new Dictionary<string, string[][]>(StringComparer.Ordinal), 0);

    private readonly Dictionary<string, string[][]> others;

    private SynonymPhrases(Dictionary<string, string[][]> others, int longest)
    {
        this.others = others;
        Longest = longest;
    }

    /// <summary>The most words a member has.</summary>
    public int Longest { get; }

    /// <summary>
    /// Reads the groups (one a line, comma-separated, '#' comments). Returns the phrases, and the list with every member
    /// of more than one word left out: that list is for the synonym filter, which then only maps words to words.
    /// </summary>
    public static (SynonymPhrases Phrases, string SingleWords) Parse(string text)
    {
        var others = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        var singleWords = new List<string>();
        var longest = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var members = line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(m => FoldingAnalyzer.Tokens(FoldingAnalyzer.Instance, m).ToArray())
                .Where(m => m.Length > 0)
                .DistinctBy(m => string.Join(' ', m))
                .ToList();
            var single = members.Where(m => m.Length == 1).Select(m => m[0]).ToList();
            if (single.Count > 1)
                singleWords.Add(string.Join(", ", single));
            if (members.All(m => m.Length == 1))
                continue;
            foreach (var member in members)
            {
                longest = Math.Max(longest, member.Length);
                // A single word already finds the other single words through the synonym filter.
                var rest = members.Where(m => m != member && (member.Length > 1 || m.Length > 1));
                var key = string.Join(' ', member);
                if (!others.TryGetValue(key, out var list))
                    others[key] = list = [];
                list.AddRange(rest.Where(r => !list.Any(l => l.SequenceEqual(r))));
            }
        }
        var phrases = new SynonymPhrases(others.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), longest);
        return (phrases, string.Join('\n', singleWords));
    }

    /// <summary>The other members of the groups that hold these words (folded, in order), or none.</summary>
    public IReadOnlyList<string[]> Of(IEnumerable<string> words) =>
        others.TryGetValue(string.Join(' ', words), out var found) ? found : [];

    /// <summary>
    /// Where in a query's words (folded, one per entry) a member of several words stands, or a single word that has
    /// synonyms of several words: the longest member first, left to right, members never overlapping.
    /// </summary>
    public IEnumerable<(int Start, int Length, IReadOnlyList<string[]> Others)> Find(IReadOnlyList<string> words)
    {
        if (others.Count == 0)
            yield break;
        for (var start = 0; start < words.Count;)
        {
            var length = Math.Min(Longest, words.Count - start);
            for (; length > 0; length--)
            {
                var found = Of(words.Skip(start).Take(length));
                if (found.Count == 0)
                    continue;
                yield return (start, length, found);
                break;
            }
            start += Math.Max(length, 1);
        }
    }
}
