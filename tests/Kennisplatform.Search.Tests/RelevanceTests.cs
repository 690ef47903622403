using Kennisplatform.Search.Benchmarks;

namespace Kennisplatform.Search.Tests;

/// <summary>
/// Keeps search quality from falling. The levels are a little under what the set measured when they were set
/// (nDCG@10 0.840, MRR@10 0.946, Recall@10 0.784; stock DutchAnalyzer 0.675, 0.847, 0.562): raise them when
/// search gets better, never lower them to make a change pass.
/// </summary>
public class RelevanceTests
{
    [Fact]
    public void Relevance_set_is_large_enough_to_mean_something()
    {
        Assert.True(RelevanceSet.Judgments().Count >= 40);
        Assert.True(RelevanceSet.Corpus().Count >= 150);
        var slugs = RelevanceSet.Corpus().Select(c => c.Slug).ToHashSet();
        Assert.All(RelevanceSet.Judgments().SelectMany(j => j.Grades.Keys), slug => Assert.Contains(slug, slugs));
    }

    [Fact]
    public void Our_search_keeps_its_level_and_its_lead_over_the_stock_Dutch_analyzer()
    {
        var corpus = RelevanceSet.Corpus();
        var judgments = RelevanceSet.Judgments();
        var ours = RelevanceSet.Evaluate(judgments, RelevanceSet.Ours(Lexicon.Shared, corpus, out var ourIndex));
        var stock = RelevanceSet.Evaluate(judgments, RelevanceSet.Stock(corpus, out var stockIndex));
        ourIndex.Dispose();
        stockIndex.Dispose();

        Assert.True(ours.Ndcg >= 0.82, $"nDCG@10 fell to {ours.Ndcg:F3}");
        Assert.True(ours.Mrr >= 0.92, $"MRR@10 fell to {ours.Mrr:F3}");
        Assert.True(ours.Recall >= 0.76, $"Recall@10 fell to {ours.Recall:F3}");
        Assert.True(ours.Ndcg - stock.Ndcg >= 0.12, $"Lead over the stock analyzer shrank: {ours.Ndcg:F3} vs {stock.Ndcg:F3}");
    }
}
