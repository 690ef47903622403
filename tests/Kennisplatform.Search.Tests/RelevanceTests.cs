using Kennisplatform.Search.Benchmarks;

namespace Kennisplatform.Search.Tests;

/// <summary>
/// Keeps search quality from falling. The levels are a little under what the set measured when they were set
/// (nDCG@10 0.873, MRR@10 0.969, Recall@10 0.839 with BM25; stock DutchAnalyzer 0.673, 0.847, 0.548): raise them when
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
    public void Second_set_is_large_independent_and_split_evenly_by_kind()
    {
        var tuning = RelevanceSet.SecondTuning();
        var test = RelevanceSet.SecondTest();
        var all = tuning.Judgments.Concat(test.Judgments).ToList();
        Assert.True(tuning.Corpus.Count >= 250);
        Assert.True(all.Count >= 80);
        Assert.True(all.Count(j => j.Kind == "failure") >= 12);
        Assert.All(RelevanceSet.Kinds, kind => Assert.Equal(
            tuning.Judgments.Count(j => j.Kind == kind), test.Judgments.Count(j => j.Kind == kind)));
        Assert.All(all, j => Assert.Contains(j.Kind, RelevanceSet.Kinds));
        Assert.Equal(all.Count, all.Select(j => j.Query).Distinct().Count());
        var firstQueries = RelevanceSet.Judgments().Select(j => j.Query.ToLowerInvariant()).ToHashSet();
        Assert.DoesNotContain(all, j => firstQueries.Contains(j.Query.ToLowerInvariant()));
        var slugs = tuning.Corpus.Select(c => c.Slug).ToHashSet();
        Assert.Equal(tuning.Corpus.Count, slugs.Count);
        Assert.All(all.SelectMany(j => j.Grades), g =>
        {
            Assert.Contains(g.Key, slugs);
            Assert.InRange(g.Value, 1, 3);
        });
        Assert.All(all, j => Assert.Contains(3, j.Grades.Values));
    }

    [Fact]
    public void Every_judgment_of_the_first_set_names_its_kind() =>
        Assert.All(RelevanceSet.Judgments(), j => Assert.Contains(j.Kind, RelevanceSet.Kinds));

    [Fact]
    public void Our_search_keeps_its_level_and_its_lead_over_the_stock_Dutch_analyzer()
    {
        var corpus = RelevanceSet.Corpus();
        var judgments = RelevanceSet.Judgments();
        var ours = RelevanceSet.Evaluate(judgments, RelevanceSet.Ours(Lexicon.Shared, corpus, out var ourIndex));
        var stock = RelevanceSet.Evaluate(judgments, RelevanceSet.Stock(corpus, out var stockIndex));
        ourIndex.Dispose();
        stockIndex.Dispose();

        Assert.True(ours.Ndcg >= 0.85, $"nDCG@10 fell to {ours.Ndcg:F3}");
        Assert.True(ours.Mrr >= 0.94, $"MRR@10 fell to {ours.Mrr:F3}");
        Assert.True(ours.Recall >= 0.80, $"Recall@10 fell to {ours.Recall:F3}");
        Assert.True(ours.Ndcg - stock.Ndcg >= 0.12, $"Lead over the stock analyzer shrank: {ours.Ndcg:F3} vs {stock.Ndcg:F3}");
    }
}
