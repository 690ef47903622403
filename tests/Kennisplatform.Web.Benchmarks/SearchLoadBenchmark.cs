using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Kennisplatform.Testing.Cluster;

/// <summary>
/// The search page under load, as issue 14 measures it: one platform process (Release, SQLite, seed content) on a free
/// 127.0.0.1 port, wrk with 64 connections asking /zoeken with a new three-word query each request
/// (tools/wrk-zoeken.lua, so the output cache cannot answer), and /favicon.svg from the same process as the reference.
/// After a warm-up that lasts until the server has settled, the two take turns, several rounds, so a neighbour's load hits both alike. Besides requests per second it prints the
/// server's own CPU time per request, which swings far less than throughput on a shared machine.
///   dotnet run -c Release --project tests/Kennisplatform.Web.Benchmarks -- search-load [rounds]
/// </summary>
public static partial class SearchLoadBenchmark
{
    private const int Connections = 64;
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(int rounds)
    {
        var root = Kennisplatform.Web.Hosting.SiteFolders.RepositoryRoot() ?? throw new InvalidOperationException("Run from the repository.");
        var script = Path.Combine(root, "tools", "wrk-zoeken.lua");
        var data = Directory.CreateTempSubdirectory("kp-search-load-").FullName;
        var port = Ports.Free();
        using var server = StartServer(data, port);
        try
        {
            await WaitReadyAsync(server, port);
            var address = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
            Console.WriteLine($"Search page under load: {Environment.ProcessorCount} cores, wrk -t2 -c{Connections} -d{Round.TotalSeconds:0}s, seed site on SQLite, {rounds} rounds in turns");
            Console.WriteLine($"Runtime settings from docs/deployment/{PlatformNode.UnitFile}: {(RuntimeSettings.Count == 0 ? "none" : string.Join(", ", RuntimeSettings.Select(e => $"{e.Key}={e.Value}")))}");
            await WarmUpAsync(server, address, script);
            await WrkAsync(server, address + "/favicon.svg", null, TimeSpan.FromSeconds(3));

            var rows = new List<(Load Static, Load Search)>();
            for (var round = 1; round <= rounds; round++)
            {
                var favicon = await WrkAsync(server, address + "/favicon.svg", null, Round);
                var search = await WrkAsync(server, address, script, Round);
                rows.Add((favicon, search));
                Console.WriteLine($"  round {round}: /favicon.svg {favicon.PerSecond,8:0} req/s ({favicon.CpuMs:0.000} ms CPU each), /zoeken {search.PerSecond,6:0} req/s ({search.CpuMs:0.000} ms CPU each), ratio {search.PerSecond / favicon.PerSecond:0.000}, {search.Cached} searches answered by the output cache");
            }
            var ratios = rows.Select(r => r.Search.PerSecond / r.Static.PerSecond).ToList();
            Console.WriteLine();
            Console.WriteLine("| measure (median of rounds) | /favicon.svg (reference) | /zoeken, new three-word query each request | ratio |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine($"| requests per second | {Median(rows.Select(r => r.Static.PerSecond)):0} | {Median(rows.Select(r => r.Search.PerSecond)):0} | **{Median(ratios):0.000}** (rounds {ratios.Min():0.000}–{ratios.Max():0.000}) |");
            Console.WriteLine($"| searches answered by the output cache | | {rows.Sum(r => r.Search.Cached)} | |");
            Console.WriteLine($"| server CPU per request | {Median(rows.Select(r => r.Static.CpuMs)):0.000} ms | {Median(rows.Select(r => r.Search.CpuMs)):0.000} ms | {Median(rows.Select(r => r.Static.CpuMs / r.Search.CpuMs)):0.000} |");
        }
        finally
        {
            if (!server.HasExited)
            {
                await Processes.SignalAsync(server.Id, "TERM");
                await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            Directory.Delete(data, recursive: true);
        }
    }

    /// <param name="Cached">Responses the output cache answered (counted by the wrk script; 0 for the static file).</param>
    private sealed record Load(double PerSecond, double CpuMs, long Cached);

    /// <summary>
    /// Searches until the server has settled: the runtime compiles hot code again, optimised, in the background for
    /// a while after start (longer the busier the cores), and a round measured before that is over measures the
    /// compiler. At least 30 s, then 10 s turns until a turn's CPU time per search falls by less than 3% against the
    /// one before; at most 3 minutes.
    /// </summary>
    private static async Task WarmUpAsync(Process server, string address, string script)
    {
        var limit = Stopwatch.StartNew();
        var before = await WrkAsync(server, address, script, TimeSpan.FromSeconds(30));
        Console.WriteLine($"  warm-up: 30 s, {before.CpuMs:0.000} ms CPU per search");
        while (limit.Elapsed < TimeSpan.FromMinutes(3))
        {
            var turn = await WrkAsync(server, address, script, Round);
            Console.WriteLine($"  warm-up: +{Round.TotalSeconds:0} s, {turn.CpuMs:0.000} ms CPU per search");
            if (turn.CpuMs > before.CpuMs * 0.97)
                break;
            before = turn;
        }
    }

    private static readonly IReadOnlyList<KeyValuePair<string, string>> RuntimeSettings =
        DeploymentFiles.Unit(PlatformNode.UnitFile, "0").Environment.Where(e => e.Key.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList();

    private static Process StartServer(string data, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Kennisplatform.Web.dll"), "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}" })
            start.ArgumentList.Add(argument);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("KENNISPLATFORM", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["KENNISPLATFORM_DATA"] = data;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The runtime settings the guide's systemd unit gives a node (DOTNET_*), as a deployed node runs.
        foreach (var (key, value) in RuntimeSettings)
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The platform did not start.");
        Processes.Capture(process);
        return process;
    }

    private static async Task WaitReadyAsync(Process server, int port)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(5) };
        var limit = Stopwatch.StartNew();
        while (true)
        {
            if (server.HasExited)
                throw new InvalidOperationException($"The platform stopped with exit code {server.ExitCode}.");
            try
            {
                using var response = await client.GetAsync("/status");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (limit.Elapsed > TimeSpan.FromMinutes(5))
                throw new TimeoutException("The platform was not ready after 5 minutes.");
            await Task.Delay(200);
        }
    }

    /// <summary>One wrk run: requests per second, and the server's CPU time (user and system) per request served.</summary>
    private static async Task<Load> WrkAsync(Process server, string url, string? script, TimeSpan duration)
    {
        server.Refresh();
        var cpuBefore = server.TotalProcessorTime;
        var output = await Processes.RunAsync("wrk",
            ["-t2", $"-c{Connections}", $"-d{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s", .. script is null ? Array.Empty<string>() : ["-s", script], url],
            limit: duration + TimeSpan.FromMinutes(1));
        server.Refresh();
        var cpu = server.TotalProcessorTime - cpuBefore;
        if (Non2xx().Match(output) is { Success: true } errors)
            throw new InvalidOperationException($"{url}: {errors.Groups[1].Value} responses were not 2xx or 3xx.");
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var perSecond = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var cached = FromCache().Match(output) is { Success: true } answered ? long.Parse(answered.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new Load(perSecond, cpu.TotalMilliseconds / Math.Max(1, requests), cached);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"([0-9]+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"answered from the output cache: ([0-9]+) of")]
    private static partial Regex FromCache();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex Non2xx();
}
