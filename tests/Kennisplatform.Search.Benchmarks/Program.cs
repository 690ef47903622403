using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Benchmarks;
using Kennisplatform.Search.Benchmarks.Generation;

// dotnet run -c Release --project tests/Kennisplatform.Search.Benchmarks -- relevance [--queries] [--without-feedback] [--without-themes]
//   | relevance --show "zoekvraag" | benchmark [items] [--word-bag] | generator-check [items] | cost [rounds] [--themes]
var verb = args.FirstOrDefault() ?? "relevance";
switch (verb)
{
    case "relevance" when args.Length > 2 && args[1] == "--show":
        Show(args[2]);
        return 0;
    case "relevance":
        Relevance(perQuery: args.Contains("--queries"), feedback: !args.Contains("--without-feedback"), themes: !args.Contains("--without-themes"));
        return 0;
    case "benchmark":
        await IndexBenchmark.RunAsync(args.Skip(1).Where(a => a != "--word-bag").Select(int.Parse).FirstOrDefault(100_000), wordBag: args.Contains("--word-bag"));
        return 0;
    case "cost":
        SearchCost.Run(args.Skip(1).Where(a => a != "--themes").Select(int.Parse).FirstOrDefault(30), themes: args.Contains("--themes"));
        return 0;
    case "generator-check":
        GeneratorCheck.Run(args.Length > 1 ? int.Parse(args[1]) : 100_000);
        return 0;
    default:
        Console.Error.WriteLine("Gebruik: relevance [--queries] [--without-feedback] [--without-themes] | relevance --show \"zoekvraag\" | benchmark [aantal items] [--word-bag] | generator-check [aantal items] | cost [rondes] [--themes]");
        return 2;
}

static void Relevance(bool perQuery, bool feedback, bool themes)
{
    var lexicon = SearchLexicon.Load(RelevanceSet.LexiconFolder());
    var first = RelevanceSet.First();
    var tuning = RelevanceSet.SecondTuning();
    var test = RelevanceSet.SecondTest();
    var firstScores = Evaluate(lexicon, first, first.Judgments, feedback, themes);
    var secondScores = Evaluate(lexicon, tuning, tuning.Judgments.Concat(test.Judgments).ToList(), feedback, themes);
    var split = tuning.Judgments.Count;
    Report(first, firstScores.Ours, firstScores.Stock, perQuery);
    Report(tuning, Slice(secondScores.Ours, 0, split), Slice(secondScores.Stock, 0, split), perQuery);
    // The test half is only ever printed as totals: looking at its queries one by one would tune on it.
    Report(test, Slice(secondScores.Ours, split, test.Judgments.Count), Slice(secondScores.Stock, split, test.Judgments.Count), perQuery: false);
}

static (Scores Ours, Scores Stock) Evaluate(SearchLexicon lexicon, JudgedSet set, IReadOnlyList<Judgment> judgments, bool feedback, bool themes)
{
    var ours = RelevanceSet.Evaluate(judgments, RelevanceSet.Ours(lexicon, set.Corpus, out var ourIndex, feedback, themes));
    var stock = RelevanceSet.Evaluate(judgments, RelevanceSet.Stock(set.Corpus, out var stockIndex));
    ourIndex.Dispose();
    stockIndex.Dispose();
    return (ours, stock);
}

static Scores Slice(Scores scores, int start, int count) => Scores.Of(scores.PerQuery.Skip(start).Take(count).ToList());

static void Report(JudgedSet set, Scores ours, Scores stock, bool perQuery)
{
    Console.WriteLine($"== Relevance, {set.Name}: {set.Judgments.Count} queries, {set.Corpus.Count} items, graded 0-3.");
    Console.WriteLine($"{"",-22} {"nDCG@10",8} {"MRR@10",8} {"Recall@10",10} {"zero",5}");
    Console.WriteLine($"{"Kennisplatform",-22} {ours.Ndcg,8:F3} {ours.Mrr,8:F3} {ours.Recall,10:F3} {ours.Zero,5}");
    Console.WriteLine($"{"Stock DutchAnalyzer",-22} {stock.Ndcg,8:F3} {stock.Mrr,8:F3} {stock.Recall,10:F3} {stock.Zero,5}");
    Console.WriteLine();
    Console.WriteLine($"By kind (ours / stock):  {"n",3} {"nDCG@10",13} {"MRR@10",13} {"Recall@10",13} {"zero",7}");
    foreach (var ((kind, mine), (_, theirs)) in ours.ByKind().Zip(stock.ByKind()))
        Console.WriteLine($"  {kind,-22} {mine.PerQuery.Count,3} {mine.Ndcg,6:F3} {theirs.Ndcg,6:F3} {mine.Mrr,6:F3} {theirs.Mrr,6:F3} {mine.Recall,6:F3} {theirs.Recall,6:F3} {mine.Zero,3} {theirs.Zero,3}{(mine.Ndcg < theirs.Ndcg ? "  <- below stock" : "")}");
    if (perQuery)
    {
        Console.WriteLine();
        Console.WriteLine("Per query (nDCG@10, ours vs stock):");
        foreach (var (mine, theirs) in ours.PerQuery.Zip(stock.PerQuery))
            Console.WriteLine($"  {mine.Query,-48} {mine.Kind,-10} {mine.Ndcg,6:F3} {theirs.Ndcg,6:F3}{(mine.Ndcg < theirs.Ndcg ? "  <- worse" : "")}{(mine.Ndcg == 0 ? "  <- zero" : "")}");
    }
    Console.WriteLine();
}

// Shows both rankings for one query with the judged grades, to see why a query scores as it does. A query judged in
// the second set runs on the second corpus; any other query on the first.
static void Show(string query)
{
    // Queries of the test half are not shown with their grades: it is judged only by its totals.
    var set = new[] { RelevanceSet.First(), RelevanceSet.SecondTuning() }
        .FirstOrDefault(s => s.Judgments.Any(j => j.Query == query)) ?? RelevanceSet.First();
    var grades = set.Judgments.FirstOrDefault(j => j.Query == query)?.Grades ?? new Dictionary<string, int>();
    var lexicon = SearchLexicon.Load(RelevanceSet.LexiconFolder());
    var ours = RelevanceSet.Ours(lexicon, set.Corpus, out var ourIndex)(query);
    var stock = RelevanceSet.Stock(set.Corpus, out var stockIndex)(query);
    ourIndex.Dispose();
    stockIndex.Dispose();
    Console.WriteLine($"Corpus of the {set.Name}.");
    Console.WriteLine($"{"Kennisplatform",-40} Stock DutchAnalyzer");
    for (var i = 0; i < RelevanceSet.Depth; i++)
    {
        string Cell(IReadOnlyList<string> list) => i < list.Count ? $"{grades.GetValueOrDefault(list[i])} {list[i]}" : "";
        Console.WriteLine($"{Cell(ours),-40} {Cell(stock)}");
    }
}
