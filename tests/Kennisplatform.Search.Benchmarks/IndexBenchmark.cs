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
/// Machines here are shared and noisy, so each figure is also given as a ratio to a reference that takes turns with
/// it in the same run: plain Lucene (StandardAnalyzer, AddDocument) for indexing, a plain OR query on the body with
/// stored fields for the results page.
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
            // Our indexing and plain Lucene's take turns, 2,000 items at a time, so that other work on a shared machine
            // slows both alike and their ratio stays meaningful.
            using var index = SearchIndex.Open(Path.Combine(folder, "index"), lexicon);
            var turns = IndexInTurns(index, documents, Path.Combine(folder, "reference"));
            Console.WriteLine($"Indexing: {count / turns.Ours.TotalSeconds:N0} items/s ({turns.Ours.TotalSeconds:F1} s, commit and refresh included); " +
                $"plain Lucene in turns {count / turns.Plain.TotalSeconds:N0} docs/s; ratio {turns.Plain / turns.Ours:F2}");
            if (ThreadCpu.Available)
                Console.WriteLine($"  per second of the indexing thread's own CPU time (what a quiet machine would show; merges run beside it): " +
                    $"{count / (turns.OursCpuMs / 1000):N0} items/s; plain Lucene {count / (turns.PlainCpuMs / 1000):N0} docs/s; ratio {turns.PlainCpuMs / turns.OursCpuMs:F2}");
            Console.WriteLine($"Index size: {index.SizeInBytes() / 1024.0 / 1024.0:F1} MiB ({index.SizeInBytes() / (double)count:F0} bytes per item)");

            var service = new SearchService(index);
            var requests = queries.Select((q, i) => new SearchRequest
            {
                Text = q,
                // One request in five also filters, as people do once they see the facets.
                Filters = i % 5 == 0 ? new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Type] = ["praktijkvoorbeeld"] } : new Dictionary<string, IReadOnlyList<string>>(),
            }).ToList();
            foreach (var request in requests) service.Search(request); // warm up

            var (one, reference) = MeasureInTurns(index, service, requests, 2000);
            var two = Measure(service, requests, threads: 2, perThread: 1000);
            Console.WriteLine($"Reference, in turns with the pages: plain OR of the words on the body, top 10 with stored fields: p50 {reference.P50:F2} ms, p95 {reference.P95:F2} ms");
            Console.WriteLine($"Results page, 1 thread:  p50 {one.P50:F2} ms, p95 {one.P95:F2} ms, p99 {one.P99:F2} ms, {one.PerSecond:N0}/s; p95 ratio to reference {one.P95 / reference.P95:F1}");
            if (ThreadCpu.Available)
                Console.WriteLine($"  CPU time of the request thread (what a quiet machine would show): results page p50 {one.Cpu!.P50:F2} ms, p95 {one.Cpu.P95:F2} ms, " +
                    $"p99 {one.Cpu.P99:F2} ms; reference p50 {reference.Cpu!.P50:F2} ms, p95 {reference.Cpu.P95:F2} ms");
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

    private sealed record Latency(double P50, double P95, double P99, double Max, double PerSecond)
    {
        /// <summary>The same percentiles of the request thread's own CPU time, where measured.</summary>
        public Latency? Cpu { get; init; }
    }

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

    /// <summary>One stream of results pages, each followed by the reference query for the same words.</summary>
    private static (Latency Pages, Latency Reference) MeasureInTurns(SearchIndex index, SearchService service, List<SearchRequest> requests, int count)
    {
        var pages = new double[count];
        var pagesCpu = new double[count];
        var references = new double[count];
        var referencesCpu = new double[count];
        var pagesTime = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var request = requests[i % requests.Count] with { Page = 1 + i % 3 };
            var cpu = ThreadCpu.Milliseconds();
            var watch = Stopwatch.StartNew();
            service.Search(request);
            pages[i] = watch.Elapsed.TotalMilliseconds;
            pagesCpu[i] = ThreadCpu.Milliseconds() - cpu;
            pagesTime += watch.Elapsed;
            cpu = ThreadCpu.Milliseconds();
            watch.Restart();
            ReferencePage(index, request);
            references[i] = watch.Elapsed.TotalMilliseconds;
            referencesCpu[i] = ThreadCpu.Milliseconds() - cpu;
        }
        var slowest = Enumerable.Range(0, count).GroupBy(i => requests[i % requests.Count].Text)
            .Select(g => (Query: g.Key, Median: g.Select(i => ThreadCpu.Available ? pagesCpu[i] : pages[i]).Order().ElementAt(g.Count() / 2)))
            .OrderByDescending(q => q.Median).Take(8);
        Console.WriteLine($"Slowest queries ({(ThreadCpu.Available ? "median CPU time" : "median time")} of their pages): " +
            string.Join("; ", slowest.Select(q => $"{q.Query} {q.Median:F1} ms")));
        return (Summarise(pages, count / pagesTime.TotalSeconds) with { Cpu = Summarise(pagesCpu, 0) },
            Summarise(references, 0) with { Cpu = Summarise(referencesCpu, 0) });
    }

    private static void ReferencePage(SearchIndex index, SearchRequest request)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var query = new BooleanQuery();
            foreach (var word in FoldingAnalyzer.Tokens(index.QueryAnalyzer, request.Text ?? ""))
                query.Add(new TermQuery(new Term(SearchFields.Body, word)), Occur.SHOULD);
            if (query.Clauses.Count == 0) return;
            foreach (var hit in searcher.Search(query, 10 * request.Page).ScoreDocs.Skip(10 * (request.Page - 1)))
                searcher.Doc(hit.Doc);
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

    private sealed record Turns(TimeSpan Ours, TimeSpan Plain, double OursCpuMs, double PlainCpuMs);

    private static Turns IndexInTurns(SearchIndex index, List<SearchDocument> documents, string folder)
    {
        using var directory = FSDirectory.Open(folder);
        using var analyzer = new StandardAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 64 });
        var ours = new Stopwatch();
        var plain = new Stopwatch();
        double oursCpu = 0, plainCpu = 0;
        foreach (var chunk in documents.Chunk(2000))
        {
            var cpu = ThreadCpu.Milliseconds();
            ours.Start();
            foreach (var document in chunk)
                index.Upsert(document);
            ours.Stop();
            oursCpu += ThreadCpu.Milliseconds() - cpu;
            cpu = ThreadCpu.Milliseconds();
            plain.Start();
            foreach (var d in chunk)
                writer.AddDocument(new Document
                {
                    new StringField("id", d.Id.ToString(), Field.Store.YES),
                    new TextField("title", d.Title, Field.Store.YES),
                    new TextField("summary", d.Summary, Field.Store.YES),
                    new TextField("body", d.Body, Field.Store.YES),
                });
            plain.Stop();
            plainCpu += ThreadCpu.Milliseconds() - cpu;
        }
        var end = ThreadCpu.Milliseconds();
        ours.Start();
        index.Commit(0, DateTime.UtcNow);
        index.Refresh();
        ours.Stop();
        oursCpu += ThreadCpu.Milliseconds() - end;
        end = ThreadCpu.Milliseconds();
        plain.Start();
        writer.Commit();
        plain.Stop();
        plainCpu += ThreadCpu.Milliseconds() - end;
        return new Turns(ours.Elapsed, plain.Elapsed, oursCpu, plainCpu);
    }

    private static Latency Summarise(double[] timings, double perSecond)
    {
        var sorted = timings.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Latency(At(0.50), At(0.95), At(0.99), sorted[^1], perSecond);
    }
}
