namespace Kennisplatform.Search.Benchmarks.Generation;

/// <summary>
/// The measures that say whether generated items look like real ones to a search engine: how long items are, how
/// varied their words are, how many words are compounds, and in how many items the words people search for occur.
/// </summary>
public sealed record TextStats(
    int Items, double MeanWords, int P10Words, int P50Words, int P90Words, double DistinctPerItem,
    long Tokens, int Vocabulary, double CompoundShare, double QueryWordItemShare)
{
    /// <summary>Distinct words in the corpus as the number of tokens grows, as pairs (tokens, distinct words).</summary>
    public IReadOnlyList<(long Tokens, int Distinct)> Growth { get; init; } = [];

    public static TextStats Of(IEnumerable<string> items, Compounds compounds, IReadOnlyCollection<string> queryWords)
    {
        var lengths = new List<int>();
        var distinctShare = 0.0;
        var vocabulary = new HashSet<string>();
        var itemsWithWord = queryWords.ToDictionary(w => w, _ => 0);
        var growth = new List<(long, int)>();
        long tokens = 0, compoundTokens = 0, nextMark = 1000;
        foreach (var item in items)
        {
            var words = SourceText.Words(item);
            lengths.Add(words.Count);
            var distinct = words.ToHashSet();
            distinctShare += words.Count == 0 ? 0 : (double)distinct.Count / words.Count;
            foreach (var word in distinct)
                if (itemsWithWord.TryGetValue(word, out var n)) itemsWithWord[word] = n + 1;
            foreach (var word in words)
            {
                vocabulary.Add(word);
                if (compounds.IsCompound(word)) compoundTokens++;
                if (++tokens == nextMark)
                {
                    growth.Add((tokens, vocabulary.Count));
                    nextMark *= 2;
                }
            }
        }
        growth.Add((tokens, vocabulary.Count));
        var sorted = lengths.Order().ToArray();
        int At(double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        return new TextStats(lengths.Count, lengths.Average(), At(0.1), At(0.5), At(0.9), distinctShare / lengths.Count,
            tokens, vocabulary.Count, (double)compoundTokens / tokens, itemsWithWord.Values.Average(n => (double)n / lengths.Count))
        { Growth = growth };
    }

    /// <summary>
    /// Heaps' law, V = K·n^β, fitted on the growth curve between the first mark with 2,000 tokens and the end:
    /// how fast new words keep coming as a collection grows.
    /// </summary>
    public (double K, double Beta) Heaps()
    {
        var points = Growth.Where(g => g.Tokens >= 2000).Select(g => (X: Math.Log(g.Tokens), Y: Math.Log(g.Distinct))).ToList();
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var beta = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return (Math.Exp(meanY - beta * meanX), beta);
    }

    /// <summary>Distinct words after the given number of tokens, read off the growth curve (log-linear between marks).</summary>
    public double VocabularyAfter(long tokens)
    {
        var before = Growth.LastOrDefault(g => g.Tokens <= tokens);
        var after = Growth.FirstOrDefault(g => g.Tokens >= tokens);
        if (before.Tokens == 0) return after.Distinct;
        if (after.Tokens == 0 || after.Tokens == before.Tokens) return before.Distinct;
        var t = Math.Log((double)tokens / before.Tokens) / Math.Log((double)after.Tokens / before.Tokens);
        return Math.Exp(Math.Log(before.Distinct) + t * (Math.Log(after.Distinct) - Math.Log(before.Distinct)));
    }

    /// <summary>Heaps' β fitted only on the growth up to the given number of tokens.</summary>
    public double BetaUpTo(long tokens) => (this with { Growth = Growth.Where(g => g.Tokens <= tokens).Append((tokens, (int)VocabularyAfter(tokens))).ToList() }).Heaps().Beta;

    /// <summary>Distinct words this collection would have at the given number of tokens, by its own Heaps fit.</summary>
    public double VocabularyAt(long tokens)
    {
        var (k, beta) = Heaps();
        return k * Math.Pow(tokens, beta);
    }
}

/// <summary>
/// Tells a compound from a simple word with a fixed vocabulary of real words: a word of eight letters or more is a
/// compound when it splits into two known words of at least four letters, the first optionally followed by a linking
/// s, e or en (bewoner·s·initiatief). Measuring both real and generated text with the same vocabulary makes the
/// densities comparable, even if the rule itself misses some compounds and finds a few false ones.
/// </summary>
public sealed class Compounds(IReadOnlySet<string> known)
{
    private readonly Dictionary<string, (string Modifier, string Link, string Head)?> cache = [];

    public bool IsCompound(string word) => Split(word) is not null;

    public (string Modifier, string Link, string Head)? Split(string word)
    {
        if (word.Length < 8) return null;
        lock (cache)
        {
            if (cache.TryGetValue(word, out var known1)) return known1;
            (string, string, string)? found = null;
            for (var i = word.Length - 4; i >= 4 && found is null; i--)
            {
                var head = word[i..];
                if (!known.Contains(head)) continue;
                var left = word[..i];
                foreach (var link in (string[])["", "s", "e", "en"])
                    if (left.EndsWith(link) && left.Length - link.Length >= 4 && known.Contains(left[..^link.Length]))
                    {
                        found = (left[..^link.Length], link, head);
                        break;
                    }
            }
            cache[word] = found;
            return found;
        }
    }
}
