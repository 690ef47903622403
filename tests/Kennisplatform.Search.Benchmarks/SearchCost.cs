using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;

namespace Kennisplatform.Search.Benchmarks;

/// <summary>
/// What one call of <see cref="SearchService.Search"/> costs on the judged corpora (a page of ten, every query of the
/// first set and of the tuning half, never the test half): the calling thread's CPU time and the bytes it allocates,
/// with and without pseudo-relevance feedback (or, with <c>--themes</c>, with feedback and with and without the themes the
/// best hits share) in turns (each query both ways, one after the other) on one index, so that other work on a shared
/// machine slows both alike and their ratio stays meaningful.
/// </summary>
public static class SearchCost
{
    public static void Run(int rounds, bool themes)
    {
        var lexicon = SearchLexicon.Load(RelevanceSet.LexiconFolder());
        Console.WriteLine($"Cost per search, {rounds} rounds of all queries, {(themes ? "themes" : "feedback")} off and on, each query both ways in turn; thread CPU {(ThreadCpu.Available ? "measured" : "not available")}; medians of the rounds.");
        Console.WriteLine($"{"",-26} {"CPU ms without",15} {"with",8} {"ratio",6}   {"KB without",11} {"with",8} {"ratio",6}");
        foreach (var set in new[] { RelevanceSet.First(), RelevanceSet.SecondTuning() })
            Measure(lexicon, set, rounds, themes);
    }

    private static void Measure(SearchLexicon lexicon, JudgedSet set, int rounds, bool themes)
    {
        using var index = SearchIndex.InMemory(lexicon);
        foreach (var (item, i) in set.Corpus.Select((c, i) => (c, i)))
            index.Upsert(RelevanceSet.ToDocument(item, i + 1));
        index.Refresh();
        var queries = set.Judgments.Select(j => j.Query).ToList();
        var services = themes
            ? new[] { new SearchService(index) { Themes = false }, new SearchService(index) { Themes = true } }
            : [new SearchService(index) { Feedback = false, Themes = false }, new SearchService(index) { Feedback = true, Themes = false }];
        // Warm-up: kept lookups, word forms, stored hits, and the JIT's optimised code (it compiles hot methods again in
        // the background, after a pause in new compilations), for both.
        var warming = System.Diagnostics.Stopwatch.StartNew();
        while (warming.Elapsed < TimeSpan.FromSeconds(2))
            foreach (var service in services)
                Round(service, queries);
        Thread.Sleep(500);
        var cpu = new List<double>[] { [], [] };
        var bytes = new List<double>[] { [], [] };
        for (var round = 0; round < rounds; round++)
        {
            var sums = new (double Ms, long Bytes)[2];
            foreach (var query in queries)
                for (var k = 0; k < 2; k++)
                {
                    // Each query both ways in turn, and which goes first in turn, so that neither always follows the
                    // other's garbage and a slower moment of a shared machine falls on both alike.
                    var which = (round & 1) == 0 ? k : 1 - k;
                    var (ms, allocated) = Once(services[which], query);
                    sums[which].Ms += ms;
                    sums[which].Bytes += allocated;
                }
            for (var k = 0; k < 2; k++)
            {
                cpu[k].Add(sums[k].Ms / queries.Count);
                bytes[k].Add(sums[k].Bytes / 1024.0 / queries.Count);
            }
        }
        double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        // The ratio is the median of each round's own ratio: a round's two halves ran side by side.
        var cpuRatio = Median(cpu[1].Zip(cpu[0], (on, off) => on / off).ToList());
        var (kbOff, kbOn) = (Median(bytes[0]), Median(bytes[1]));
        Console.WriteLine($"{set.Name + $" ({queries.Count})",-26} {Median(cpu[0]),15:F3} {Median(cpu[1]),8:F3} {cpuRatio,6:F2}   {kbOff,11:F1} {kbOn,8:F1} {kbOn / kbOff,6:F2}");
    }

    private static void Round(SearchService service, List<string> queries)
    {
        foreach (var query in queries)
            Once(service, query);
    }

    private static (double Milliseconds, long Bytes) Once(SearchService service, string query)
    {
        var startBytes = GC.GetAllocatedBytesForCurrentThread();
        var start = ThreadCpu.Milliseconds();
        service.Search(new SearchRequest { Text = query, PageSize = RelevanceSet.Depth });
        return (ThreadCpu.Milliseconds() - start, GC.GetAllocatedBytesForCurrentThread() - startBytes);
    }
}
