namespace Kennisplatform.Search.Benchmarks.Generation;

/// <summary>
/// Prints how generated items compare with real ones: the seed content for length, word variety and compounds; all real
/// text in the repository (seed content and both judged corpora) for how the vocabulary grows with the collection.
/// </summary>
public static class GeneratorCheck
{
    public static void Run(int count)
    {
        var real = new RealText();
        var words = real.QueryWords;
        var seed = TextStats.Of(real.SeedContent.Select(RealText.Text), real.Compounds, words);
        var all = TextStats.Of(real.All.Select(RealText.Text), real.Compounds, words);
        var sentences = real.SentenceGenerator(42);
        var generated = TextStats.Of(Enumerable.Range(1, count).Select(i => RealText.Text(sentences.Next(i))), real.Compounds, words);
        var sentences2 = real.SentenceGenerator(42);
        var bag = new WordBagGenerator(RelevanceSet.Corpus(), seed: 42);
        var bagged = TextStats.Of(Enumerable.Range(1, count).Select(i => RealText.Text(bag.Next(i))), real.Compounds, words);

        Console.WriteLine($"Generated items against real text ({count:N0} generated items; words = runs of letters and digits).");
        Console.WriteLine($"{"",-34} {"items",7} {"words/item",11} {"p10-p50-p90",14} {"distinct/words",15} {"compounds",10} {"query word in",14}");
        Row("seed content (content/)", seed);
        Row("all real text (seed + both sets)", all);
        Row("sentence generator (new)", generated);
        Row("word-bag generator (old)", bagged);
        Console.WriteLine();
        var (k, beta) = all.Heaps();
        Console.WriteLine($"Vocabulary growth, Heaps' law V = K·n^β fitted on all real text ({all.Tokens:N0} tokens): K {k:F1}, β {beta:F3}.");
        Console.WriteLine($"  At the size of all real text: real {all.Vocabulary:N0} distinct words, β up to there {beta:F3}.");
        foreach (var (name, stats) in new[] { ("sentence generator", generated), ("word-bag generator", bagged) })
        {
            var same = stats.VocabularyAfter(all.Tokens);
            Console.WriteLine($"  {name,-20} after the same {all.Tokens:N0} tokens: {same,7:N0} distinct words (ratio {same / all.Vocabulary:F2}), β up to there {stats.BetaUpTo(all.Tokens):F3}; " +
                $"at its full {stats.Tokens:N0} tokens {stats.Vocabulary:N0} distinct words, where real text's own fit would reach ~{all.VocabularyAt(stats.Tokens):N0}");
        }
        Console.WriteLine();
        Console.WriteLine("Words an item by type, seed content against sentence generator:");
        var perType = Enumerable.Range(1, Math.Min(count, 20_000)).Select(i => sentences2.Next(i)).GroupBy(d => d.Type)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Average(d => SourceText.Words(RealText.Text(d)).Count)));
        foreach (var type in real.SeedContent.GroupBy(s => s.Type).OrderByDescending(g => g.Count()))
        {
            var (n, mean) = perType.GetValueOrDefault(type.Key);
            Console.WriteLine($"  {type.Key,-18} seed {type.Count(),3} items, {type.Average(s => s.WordCount),5:F0} words; generated {n,6:N0} items, {mean,5:F0} words");
        }
    }

    private static void Row(string name, TextStats s) =>
        Console.WriteLine($"{name,-34} {s.Items,7:N0} {s.MeanWords,11:F0} {$"{s.P10Words}-{s.P50Words}-{s.P90Words}",14} {s.DistinctPerItem,15:F3} {s.CompoundShare,10:P1} {s.QueryWordItemShare,14:P2}");
}
