using System.Diagnostics;
using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Benchmarks.Generation;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = System.IO.Directory;

namespace Kennisplatform.Search.Benchmarks;

/// <summary>
/// Indexes generated items and measures what a visitor and an editor feel: indexing rate, index size, the time
/// for a full results page (10 hits with snippets and facets) on one and two threads, and publish-to-visible.
/// Machines here are shared and noisy, so each figure is also given as a ratio to a reference measured in the
/// same run: plain Lucene (StandardAnalyzer, AddDocument) for indexing, a bare TermQuery for searching.
/// </summary>
public static class IndexBenchmark
{
    public static async Task RunAsync(int count, bool wordBag)
    {
        var lexicon = SearchLexicon.Load(RelevanceSet.LexiconFolder());
        List<SearchDocument> documents;
        List<string> queries;
        if (wordBag)
        {
            // The first generator and its query mix, to compare with the figures measured on it before.
            var bag = new WordBagGenerator(RelevanceSet.Corpus(), seed: 42);
            documents = Enumerable.Range(1, count).Select(bag.Next).ToList();
            queries = RelevanceSet.Judgments().Select(j => j.Query).Concat(Enumerable.Range(0, 150).Select(_ => bag.Query())).ToList();
        }
        else
        {
            // Items of real sentences, and the queries people wrote for both judged sets.
            var real = new RealText();
            var generator = real.SentenceGenerator(seed: 42);
            documents = Enumerable.Range(1, count).Select(generator.Next).ToList();
            queries = real.Queries.ToList();
        }
        var folder = Directory.CreateTempSubdirectory("kp-bench-").FullName;
        var words = documents.Sum(d => (long)SourceText.Words(RealText.Text(d)).Count);
        Console.WriteLine($"Benchmark on {Environment.ProcessorCount} cores, {count:N0} items from the {(wordBag ? "word-bag" : "sentence")} generator " +
            $"({words / (double)count:F0} words an item), {queries.Count} distinct queries.");
        try
        {
            var referenceRate = ReferenceIndexing(documents.Take(Math.Min(count, 20_000)).ToList(), Path.Combine(folder, "reference"));

            using var index = SearchIndex.Open(Path.Combine(folder, "index"), lexicon);
            var watch = Stopwatch.StartNew();
            foreach (var document in documents)
                index.Upsert(document);
            index.Commit(0, DateTime.UtcNow);
            index.Refresh();
            var rate = count / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"Indexing: {rate:N0} items/s ({watch.Elapsed.TotalSeconds:F1} s); reference plain Lucene {referenceRate:N0} docs/s; ratio {rate / referenceRate:F2}");
            Console.WriteLine($"Index size: {index.SizeInBytes() / 1024.0 / 1024.0:F1} MiB ({index.SizeInBytes() / (double)count:F0} bytes per item)");

            var service = new SearchService(index);
            var requests = queries.Select((q, i) => new SearchRequest
            {
                Text = q,
                // One request in five also filters, as people do once they see the facets.
                Filters = i % 5 == 0 ? new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Type] = ["praktijkvoorbeeld"] } : new Dictionary<string, IReadOnlyList<string>>(),
            }).ToList();
            foreach (var request in requests) service.Search(request); // warm up

            var reference = ReferenceQueries(index, queries);
            var one = Measure(service, requests, threads: 1, perThread: 2000);
            var two = Measure(service, requests, threads: 2, perThread: 1000);
            Console.WriteLine($"Reference bare TermQuery: p50 {reference.P50:F2} ms, p95 {reference.P95:F2} ms");
            Console.WriteLine($"Results page, 1 thread:  p50 {one.P50:F2} ms, p95 {one.P95:F2} ms, p99 {one.P99:F2} ms, {one.PerSecond:N0}/s; p95 ratio to reference {one.P95 / reference.P95:F1}");
            Console.WriteLine($"Results page, 2 threads: p50 {two.P50:F2} ms, p95 {two.P95:F2} ms, p99 {two.P99:F2} ms, {two.PerSecond:N0}/s; throughput {two.PerSecond / one.PerSecond:F2}x one thread");

            var publish = PublishToVisible(index, service, count);
            Console.WriteLine($"Publish to visible (upsert, near-real-time refresh, found by a search): p50 {publish.P50:F1} ms, p95 {publish.P95:F1} ms, max {publish.Max:F1} ms");
            Console.WriteLine($"In the app a save also wakes the indexer at once (poll fallback {500} ms) and reads the item from the database.");

            GC.Collect();
            Console.WriteLine($"Memory after the run: managed heap {GC.GetTotalMemory(true) / 1024.0 / 1024.0:F0} MiB, working set {Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024.0:F0} MiB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        await Task.CompletedTask;
    }

    private sealed record Latency(double P50, double P95, double P99, double Max, double PerSecond);

    private static Latency Measure(SearchService service, List<SearchRequest> requests, int threads, int perThread)
    {
        var timings = new double[threads * perThread];
        var total = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var i = 0; i < perThread; i++)
            {
                var request = requests[(t * 7919 + i) % requests.Count] with { Page = 1 + i % 3 };
                var watch = Stopwatch.StartNew();
                service.Search(request);
                timings[t * perThread + i] = watch.Elapsed.TotalMilliseconds;
            }
        });
        return Summarise(timings, timings.Length / total.Elapsed.TotalSeconds);
    }

    private static Latency ReferenceQueries(SearchIndex index, List<string> queries)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var words = queries.SelectMany(q => FoldingAnalyzer.Tokens(index.QueryAnalyzer, q)).Distinct().ToList();
            var timings = new double[2000];
            for (var i = 0; i < timings.Length; i++)
            {
                var watch = Stopwatch.StartNew();
                searcher.Search(new TermQuery(new Term(SearchFields.Body, words[i % words.Count])), 10);
                timings[i] = watch.Elapsed.TotalMilliseconds;
            }
            return Summarise(timings, 0);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    private static Latency PublishToVisible(SearchIndex index, SearchService service, int count)
    {
        var timings = new double[50];
        for (var i = 0; i < timings.Length; i++)
        {
            var word = $"publicatietest{i}";
            var watch = Stopwatch.StartNew();
            index.Upsert(new SearchDocument { Id = count + 1 + i, Type = "praktijkvoorbeeld", Slug = word, Url = "/" + word, Title = "Nieuw " + word, Published = DateTime.UtcNow });
            index.Refresh();
            if (service.Search(new SearchRequest { Text = word, Correct = false }).Total != 1)
                throw new InvalidOperationException("Published item not found");
            timings[i] = watch.Elapsed.TotalMilliseconds;
        }
        return Summarise(timings, 0);
    }

    private static double ReferenceIndexing(List<SearchDocument> documents, string folder)
    {
        using var directory = FSDirectory.Open(folder);
        using var analyzer = new StandardAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48);
        var watch = Stopwatch.StartNew();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 64 }))
        {
            foreach (var d in documents)
                writer.AddDocument(new Document
                {
                    new StringField("id", d.Id.ToString(), Field.Store.YES),
                    new TextField("title", d.Title, Field.Store.YES),
                    new TextField("summary", d.Summary, Field.Store.YES),
                    new TextField("body", d.Body, Field.Store.YES),
                });
            writer.Commit();
        }
        return documents.Count / watch.Elapsed.TotalSeconds;
    }

    private static Latency Summarise(double[] timings, double perSecond)
    {
        var sorted = timings.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Latency(At(0.50), At(0.95), At(0.99), sorted[^1], perSecond);
    }
}
