using Kennisplatform.Search.Benchmarks.Generation;

namespace Kennisplatform.Search.Tests;

/// <summary>
/// The speed benchmark is only worth its figures if its items look like real ones to the index. These tests hold the
/// sentence generator to the real text in the repository, with margins wide enough for its randomness.
/// </summary>
public class BenchmarkGeneratorTests
{
    private static readonly RealText Real = new();

    [Fact]
    public void Generated_items_are_as_long_as_seed_content_items_of_their_type()
    {
        var generator = Real.SentenceGenerator(seed: 7);
        var generated = Enumerable.Range(1, 3000).Select(generator.Next)
            .GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.Average(d => SourceText.Words(RealText.Text(d)).Count));
        foreach (var type in Real.SeedContent.GroupBy(s => s.Type).Where(g => g.Count() >= 3))
        {
            var seed = type.Average(s => s.WordCount);
            Assert.InRange(generated[type.Key], seed * 0.85, seed * 1.15);
        }
    }

    [Fact]
    public void Generated_text_has_the_vocabulary_and_compounds_of_real_text()
    {
        var words = Real.QueryWords;
        var real = TextStats.Of(Real.All.Select(RealText.Text), Real.Compounds, words);
        var generator = Real.SentenceGenerator(seed: 7);
        var generated = TextStats.Of(Enumerable.Range(1, 3000).Select(i => RealText.Text(generator.Next(i))), Real.Compounds, words);

        Assert.InRange(generated.VocabularyAfter(real.Tokens) / real.Vocabulary, 0.75, 1.25);
        Assert.InRange(generated.CompoundShare, real.CompoundShare * 0.7, real.CompoundShare * 1.4);
        Assert.InRange(generated.DistinctPerItem, 0.6, 0.85);
    }

    [Fact]
    public void Compound_rule_splits_compounds_at_known_words_and_leaves_simple_words()
    {
        var compounds = new Compounds(new HashSet<string> { "buurt", "preventie", "bewoner", "initiatief", "wijk" });
        Assert.Equal(("buurt", "", "preventie"), compounds.Split("buurtpreventie"));
        Assert.Equal(("bewoner", "s", "initiatief"), compounds.Split("bewonersinitiatief"));
        Assert.Null(compounds.Split("uitwijken"));
        Assert.Null(compounds.Split("preventie"));
    }
}
