using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Kennisplatform.Testing.Cluster;

/// <summary>
/// The deployment of docs/deployment.md under load: PostgreSQL, one and then three platform nodes, nginx in front, all
/// on this machine. wrk measures requests per second through nginx (https) for a public case page, a search page with
/// a new query each request (so the output cache cannot answer), and a static file nginx serves itself: the reference,
/// measured in the same run. Then publish-to-visible: an editor publishes through the balancer, and each node's own
/// search is asked until it finds the item.
///   dotnet run -c Release --project tests/Kennisplatform.Web.Benchmarks -- cluster
/// On a machine with two cores, three nodes share the cores that one node had: this measures the overhead of running
/// several nodes, not how they scale. For scaling, put the nodes on their own machines.
/// </summary>
public static partial class ClusterBenchmark
{
    private const string Email = "benchmark@example.org";
    private const string Password = "een lange zin als wachtwoord voor de meting";
    private const int PublishRounds = 30;
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(10);

    public static async Task RunAsync()
    {
        Console.WriteLine($"Cluster benchmark: {Environment.ProcessorCount} cores; wrk -t2 -c16 -d{LoadDuration.TotalSeconds:0}s through nginx (https)");
        var rows = new List<string>();
        foreach (var nodes in new[] { 1, 3 })
        {
            await using var cluster = await SiteCluster.StartAsync(nodes, withStaticFile: true);
            var (casePath, casePage) = await CasePageAsync(cluster);
            // The reference is the same bytes as the case page, so only the work behind nginx differs.
            await cluster.Balancer.WriteStaticAsync(casePage);
            var script = await SearchScriptAsync();
            var staticRate = await WrkAsync(cluster, "/static.html");
            var caseRate = await WrkAsync(cluster, casePath);
            var searchRate = await WrkAsync(cluster, "/zoeken", script);
            File.Delete(script);
            rows.Add($"| {nodes} | {staticRate:0} | {caseRate:0} | {caseRate / staticRate:0.000} | {searchRate:0} | {searchRate / staticRate:0.000} |");
            Console.WriteLine($"{nodes} node(s): static {staticRate:0}/s, case page {caseRate:0}/s ({caseRate / staticRate:0.000}), search page {searchRate:0}/s ({searchRate / staticRate:0.000})");
            if (nodes == 3)
                await PublishToVisibleAsync(cluster);
        }
        Console.WriteLine();
        Console.WriteLine("| nodes | static file req/s | case page req/s | ratio | search page req/s | ratio |");
        Console.WriteLine("|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
    }

    private static async Task<(string Path, string Page)> CasePageAsync(SiteCluster cluster)
    {
        using var visitor = cluster.Visitor();
        var list = await visitor.GetStringAsync("/praktijkvoorbeelden");
        var path = CaseLink().Match(list).Groups[1].Value;
        return (path, await visitor.GetStringAsync(path));
    }

    /// <summary>A wrk script that asks a different search each request: a word from a list and a counter that varies the cache key.</summary>
    private static async Task<string> SearchScriptAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kp-search-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(path, """
            local words = {"eenzaamheid", "jongeren", "buurtkamer", "participatie", "veiligheid", "wijkschakelaar",
                           "ouderen", "armoede", "taalcafe", "groen", "bewonersinitiatief", "gezondheid"}
            local n = 0
            request = function()
              n = n + 1
              return wrk.format("GET", "/zoeken?q=" .. words[(n % #words) + 1] .. "&n=" .. n)
            end
            """);
        return path;
    }

    private static async Task<double> WrkAsync(SiteCluster cluster, string path, string? script = null)
    {
        // Warm up (JIT, caches, connections) before measuring.
        string[] Arguments(TimeSpan duration) =>
        [
            "-t2", "-c16", $"-d{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s",
            .. script is null ? Array.Empty<string>() : ["-s", script], new Uri(cluster.Balancer.Address, path).ToString(),
        ];
        await Processes.RunAsync("wrk", Arguments(TimeSpan.FromSeconds(3)), limit: TimeSpan.FromMinutes(1));
        var output = await Processes.RunAsync("wrk", Arguments(LoadDuration), limit: TimeSpan.FromMinutes(1));
        var errors = Non2xx().Match(output);
        if (errors.Success)
            Console.WriteLine($"  {path}: {errors.Groups[1].Value} responses were not 2xx or 3xx");
        return double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task PublishToVisibleAsync(SiteCluster cluster)
    {
        await cluster.RunVerbAsync(Password, "create-admin", "--email", Email);
        using var editor = cluster.Browser();
        if ((await SiteActions.SignInAsync(editor, Email, Password)).StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException("The benchmark editor could not sign in.");
        var all = new List<double>();
        var first = new List<double>();
        for (var round = 0; round < PublishRounds; round++)
        {
            var word = $"zichtbaar{round}q";
            var watch = Stopwatch.StartNew();
            var (status, _) = await SiteActions.SaveCaseAsync(editor, $"Meting {word}", "publiceren");
            if (status != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"Publishing failed: {status}");
            var saved = watch.Elapsed.TotalMilliseconds;
            var seen = await Task.WhenAll(cluster.Nodes.Select(async node =>
            {
                while (!await SiteActions.FindsAsync(node, word))
                {
                    if (watch.Elapsed > TimeSpan.FromSeconds(10))
                        throw new TimeoutException($"Node {node.Name} did not find '{word}' within 10 s.");
                    await Task.Delay(5);
                }
                return watch.Elapsed.TotalMilliseconds - saved;
            }));
            all.Add(seen.Max());
            first.Add(seen.Min());
        }
        Console.WriteLine($"Publish to visible in search, 3 nodes, {PublishRounds} rounds (from the end of the publish request, polled every 5 ms):");
        Console.WriteLine($"  first node: p50 {P(first, 0.5):0} ms, p95 {P(first, 0.95):0} ms, max {first.Max():0} ms");
        Console.WriteLine($"  all nodes:  p50 {P(all, 0.5):0} ms, p95 {P(all, 0.95):0} ms, max {all.Max():0} ms");
    }

    private static double P(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    [GeneratedRegex("href=\"(/praktijkvoorbeelden/[a-z0-9-]+)\"")]
    private static partial Regex CaseLink();

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex Non2xx();
}
