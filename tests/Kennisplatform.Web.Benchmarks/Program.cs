using System.Diagnostics;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Search.Querying;
using Kennisplatform.Web.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

// Publish-to-visible through the real app: a save through the content store, then the app's own search service
// is asked until it finds the item. The save alone is the reference measured in the same run.
// dotnet run -c Release --project tests/Kennisplatform.Web.Benchmarks
// With "cluster": nodes behind nginx on PostgreSQL, see ClusterBenchmark.
// dotnet run -c Release --project tests/Kennisplatform.Web.Benchmarks -- export   (memory while exporting, see ExportBenchmark)
// ... -- signin [samples]                (sign-in timing, known against unknown address, see SignInBenchmark)
// ... -- search-load [rounds]            (the search page under load against a static file, see SearchLoadBenchmark)
public static class PublishBenchmark
{
    private const int Rounds = 40;

    public static async Task Main(string[] args)
    {
        if (args is ["cluster"])
        {
            await ClusterBenchmark.RunAsync();
            return;
        }
        if (args is ["signin", ..])
        {
            await SignInBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 300);
            return;
        }
        if (args is ["search-load", ..])
        {
            await SearchLoadBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
            return;
        }
        if (args is ["export", ..])
        {
            await ExportBenchmark.RunAsync();
            return;
        }
        var data = Directory.CreateTempSubdirectory("kp-publish-").FullName;
        // Test projects learn the app's content root from a generated manifest; a console is told directly.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KENNISPLATFORM_WEB", Path.Combine(Kennisplatform.Web.Hosting.SiteFolders.RepositoryRoot()!, "src", "Kennisplatform.Web"));
        try
        {
            await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting("data", data);
                builder.UseEnvironment("Production");
            });
            _ = app.Server; // starts the host: database, seed content, index, background indexer
            var indexer = app.Services.GetRequiredService<SearchIndexer>();

            var publish = new List<double>();
            var unpublish = new List<double>();
            var saveOnly = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                var word = $"meetwoord{round}x";
                await using var scope = app.Services.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
                var item = new Case { Title = $"Publicatiemeting {word}", Outcome = CaseOutcome.Succeeded };
                item.Publish(DateTime.UtcNow.AddMinutes(-1));

                var watch = Stopwatch.StartNew();
                await store.SaveAsync(item, "benchmark", 0);
                saveOnly.Add(watch.Elapsed.TotalMilliseconds);
                await WaitAsync(() => Found(indexer, word));
                publish.Add(watch.Elapsed.TotalMilliseconds);

                item.Unpublish();
                watch.Restart();
                await store.SaveAsync(item, "benchmark", item.Version);
                await WaitAsync(() => !Found(indexer, word));
                unpublish.Add(watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"Publish to visible in search, through the app ({Rounds} rounds, SQLite, {Environment.ProcessorCount} cores):");
            Console.WriteLine($"  save alone (reference):  p50 {P(saveOnly, 0.5):F1} ms, p95 {P(saveOnly, 0.95):F1} ms");
            Console.WriteLine($"  publish to visible:      p50 {P(publish, 0.5):F1} ms, p95 {P(publish, 0.95):F1} ms, max {publish.Max():F1} ms; p50 ratio to save {P(publish, 0.5) / P(saveOnly, 0.5):F1}");
            Console.WriteLine($"  unpublish to gone:       p50 {P(unpublish, 0.5):F1} ms, p95 {P(unpublish, 0.95):F1} ms, max {unpublish.Max():F1} ms");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static bool Found(SearchIndexer indexer, string word) =>
        indexer.Search.Search(new SearchRequest { Text = word, Correct = false }).Total > 0;

    private static async Task WaitAsync(Func<bool> done)
    {
        var limit = Stopwatch.StartNew();
        while (!done())
        {
            if (limit.Elapsed > TimeSpan.FromSeconds(10))
                throw new TimeoutException("The change did not reach search within 10 s.");
            await Task.Delay(1);
        }
    }

    private static double P(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
