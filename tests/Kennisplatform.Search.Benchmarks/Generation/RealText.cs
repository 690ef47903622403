using Kennisplatform.Search.Indexing;

namespace Kennisplatform.Search.Benchmarks.Generation;

/// <summary>
/// The real texts in the repository that the benchmark generator learns from and is checked against, and the queries
/// people type: the judged queries of both relevance sets.
/// </summary>
public sealed class RealText
{
    public IReadOnlyList<SourceItem> SeedContent { get; }
    public IReadOnlyList<SourceItem> All { get; }
    public Compounds Compounds { get; }
    public IReadOnlyList<string> Queries { get; }

    public RealText()
    {
        SeedContent = SourceText.SeedContent(Path.Combine(Path.GetDirectoryName(RelevanceSet.LexiconFolder())!));
        All = SeedContent.Concat(SourceText.FromCorpus(RelevanceSet.Corpus()))
            .Concat(SourceText.FromCorpus(RelevanceSet.SecondTuning().Corpus)).ToList();
        var known = All.SelectMany(s => SourceText.Words(s.Prose)).Where(w => w.Length >= 4).ToHashSet();
        Compounds = new Compounds(known);
        Queries = RelevanceSet.Judgments().Concat(RelevanceSet.SecondTuning().Judgments).Concat(RelevanceSet.SecondTest().Judgments)
            .Select(j => j.Query).Distinct().ToList();
    }

    public SentenceGenerator SentenceGenerator(int seed) => new(All, SeedContent, Compounds, seed);

    /// <summary>The query words that carry meaning (four letters or more), to see in how many items they occur.</summary>
    public IReadOnlyCollection<string> QueryWords => Queries.SelectMany(SourceText.Words).Where(w => w.Length >= 4).ToHashSet();

    public static string Text(SourceItem item) => $"{item.Title} {item.Summary} {item.Body} {string.Join(" ", item.Lessons)} {item.Tags}";

    public static string Text(SearchDocument item) => $"{item.Title} {item.Summary} {item.Body} {item.Lessons} {item.Tags}";
}
