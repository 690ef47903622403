using System.Diagnostics;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Memory of the process while export.json, export.csv and sitemap.xml are downloaded, with 2,000 and then 20,000
/// published items (the first is the reference measured in the same run). Streaming keeps the growth the same for
/// both; loading everything would make it about ten times larger. Prints the peak managed heap and the peak working
/// set above the level before each download, sampled every 5 ms while the download runs.
/// </summary>
public static class ExportBenchmark
{
    private static readonly string[] Downloads = ["/api/v1/export.json", "/api/v1/export.csv", "/sitemap.xml"];

    public static async Task RunAsync()
    {
        var data = Directory.CreateTempSubdirectory("kp-export-").FullName;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KENNISPLATFORM_WEB", Path.Combine(Kennisplatform.Web.Hosting.SiteFolders.RepositoryRoot()!, "src", "Kennisplatform.Web"));
        try
        {
            await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting("data", data);
                builder.UseSetting("Kennisplatform:ImportContentWhenEmpty", "false");
                builder.UseEnvironment("Production");
            });
            using var client = app.CreateClient();
            Console.WriteLine($"Memory while exporting (SQLite, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC):");
            Console.WriteLine($"{"items",8} {"download",-22} {"bytes",14} {"seconds",8} {"peak heap +MB",14} {"peak working set +MB",21}");
            var results = new Dictionary<(int, string), (double Heap, double WorkingSet)>();
            var count = 0;
            foreach (var target in new[] { 2_000, 20_000 })
            {
                await AddItemsAsync(app.Services, count, target);
                count = target;
                foreach (var download in Downloads)
                {
                    await DownloadAsync(client, download); // warm-up: JIT, pools, caches
                    var (bytes, seconds, heap, workingSet) = await MeasureAsync(client, download);
                    results[(target, download)] = (heap, workingSet);
                    Console.WriteLine($"{target,8} {download,-22} {bytes,14:N0} {seconds,8:F1} {heap,14:F1} {workingSet,21:F1}");
                }
            }
            Console.WriteLine("Growth with 10x the items (20,000 against the 2,000 reference; 1.0 is flat, about 10 is everything in memory):");
            foreach (var download in Downloads)
            {
                var (small, large) = (results[(2_000, download)], results[(20_000, download)]);
                Console.WriteLine($"  {download,-22} heap {Ratio(large.Heap, small.Heap)}, working set {Ratio(large.WorkingSet, small.WorkingSet)}");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Ratio(double large, double small) => $"{large:F1} MB / {small:F1} MB = {(small <= 0.5 ? "n/a (reference below 0.5 MB)" : $"{large / small:F2}")}";

    /// <summary>Published cases with a body of about 2 KB each, written straight to the database in batches.</summary>
    private static async Task AddItemsAsync(IServiceProvider services, int from, int to)
    {
        var body = string.Join("\n\n", Enumerable.Range(0, 12).Select(p =>
            $"Alinea {p}: bewoners van de wijk kwamen elke week samen in de **buurtkamer** om te praten over eenzaamheid, veiligheid en wat er beter kan. Zie [de gemeente](https://example.org/{p})."));
        for (var start = from; start < to; start += 1_000)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            for (var i = start; i < Math.Min(to, start + 1_000); i++)
            {
                db.Items.Add(new Case
                {
                    Title = $"Meetvoorbeeld {i}", Slug = $"meetvoorbeeld-{i}", Summary = $"Samenvatting van meetvoorbeeld {i} in de wijk.", Body = body,
                    Outcome = CaseOutcome.Succeeded, Municipality = "Zwolle", WhatWorked = body[..400],
                    Status = ContentStatus.Published, PublishedAt = DateTime.UtcNow.AddDays(-1), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        }
    }

    private static async Task<long> DownloadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
            total += read;
        return total;
    }

    private static async Task<(long Bytes, double Seconds, double HeapMb, double WorkingSetMb)> MeasureAsync(HttpClient client, string path)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        long peakHeap = heapBefore, peakWorkingSet = workingSetBefore;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                await Task.Delay(5);
            }
        });
        var watch = Stopwatch.StartNew();
        var bytes = await DownloadAsync(client, path);
        var seconds = watch.Elapsed.TotalSeconds;
        stop.Cancel();
        await sampler;
        const double Mb = 1024 * 1024;
        return (bytes, seconds, (peakHeap - heapBefore) / Mb, (peakWorkingSet - workingSetBefore) / Mb);
    }
}
