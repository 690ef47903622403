using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Benchmarks;

// dotnet run -c Release --project tests/Kennisplatform.Search.Benchmarks -- relevance|benchmark [items]
var verb = args.FirstOrDefault() ?? "relevance";
switch (verb)
{
    case "relevance" when args.Length > 2 && args[1] == "--show":
        Show(args[2]);
        return 0;
    case "relevance":
        Relevance();
        return 0;
    case "benchmark":
        await IndexBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 100_000);
        return 0;
    default:
        Console.Error.WriteLine("Gebruik: relevance [--show \"zoekvraag\"] | benchmark [aantal items]");
        return 2;
}

static void Relevance()
{
    var corpus = RelevanceSet.Corpus();
    var judgments = RelevanceSet.Judgments();
    var lexicon = SearchLexicon.Load(RelevanceSet.LexiconFolder());
    var ours = RelevanceSet.Evaluate(judgments, RelevanceSet.Ours(lexicon, corpus, out var ourIndex));
    var stock = RelevanceSet.Evaluate(judgments, RelevanceSet.Stock(corpus, out var stockIndex));
    ourIndex.Dispose();
    stockIndex.Dispose();

    Console.WriteLine($"Relevance set: {judgments.Count} queries, {corpus.Count} items, graded 0-3.");
    Console.WriteLine($"{"",-22} {"nDCG@10",8} {"MRR@10",8} {"Recall@10",10}");
    Console.WriteLine($"{"Kennisplatform",-22} {ours.Ndcg,8:F3} {ours.Mrr,8:F3} {ours.Recall,10:F3}");
    Console.WriteLine($"{"Stock DutchAnalyzer",-22} {stock.Ndcg,8:F3} {stock.Mrr,8:F3} {stock.Recall,10:F3}");
    Console.WriteLine();
    Console.WriteLine("Per query (nDCG@10, ours vs stock):");
    foreach (var ((query, mine), (_, theirs)) in ours.PerQuery.Zip(stock.PerQuery))
        Console.WriteLine($"  {query,-32} {mine,6:F3} {theirs,6:F3}{(mine < theirs ? "  <- worse" : "")}");
}

// Shows both rankings for one query with the judged grades, to see why a query scores as it does.
static void Show(string query)
{
    var corpus = RelevanceSet.Corpus();
    var grades = RelevanceSet.Judgments().FirstOrDefault(j => j.Query == query)?.Grades ?? new Dictionary<string, int>();
    var lexicon = SearchLexicon.Load(RelevanceSet.LexiconFolder());
    var ours = RelevanceSet.Ours(lexicon, corpus, out var ourIndex)(query);
    var stock = RelevanceSet.Stock(corpus, out var stockIndex)(query);
    ourIndex.Dispose();
    stockIndex.Dispose();
    Console.WriteLine($"{"Kennisplatform",-40} Stock DutchAnalyzer");
    for (var i = 0; i < RelevanceSet.Depth; i++)
    {
        string Cell(IReadOnlyList<string> list) => i < list.Count ? $"{grades.GetValueOrDefault(list[i])} {list[i]}" : "";
        Console.WriteLine($"{Cell(ours),-40} {Cell(stock)}");
    }
}
