using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kennisplatform.Testing.Cluster;

/// <summary>
/// One platform process, started the way the guide's systemd unit (kennisplatform@.service) starts it: the unit's
/// environment, its EnvironmentFile and its ExecStart, with the published app's path replaced by this build.
/// </summary>
public sealed class PlatformNode : IAsyncDisposable
{
    public const string UnitFile = "kennisplatform@.service";
    private const string PublishedApp = "/opt/kennisplatform/Kennisplatform.Web";
    private const string StateFolder = "/var/lib/kennisplatform";
    private const string SharedSettings = "/etc/kennisplatform/kennisplatform.env";

    private readonly Process process;
    private readonly StringBuilder log;

    private PlatformNode(int port, string name, Process process, StringBuilder log)
    {
        Port = port;
        Name = name;
        this.process = process;
        this.log = log;
    }

    public int Port { get; }
    /// <summary>The name the unit gives the node (Kennisplatform__NodeName); /status reports it.</summary>
    public string Name { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}");
    /// <summary>A client straight to this node, past the balancer; kept, so polling reuses its connection.</summary>
    public HttpClient Client => client ??= new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    private HttpClient? client;
    public bool HasExited => process.HasExited;

    public static PlatformNode Start(int port, string stateRoot, IReadOnlyDictionary<string, string> sharedSettings)
    {
        var instance = port.ToString(CultureInfo.InvariantCulture);
        var (environment, command, environmentFile) = DeploymentFiles.Unit(UnitFile, instance);
        if (command[0] != PublishedApp || environmentFile != SharedSettings)
            throw new InvalidOperationException($"docs/deployment/{UnitFile} starts '{command[0]}' with '{environmentFile}': update the test with the guide.");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kennisplatform.Web.dll"));
        foreach (var argument in command.Skip(1))
            start.ArgumentList.Add(argument);
        // Only what the unit gives: nothing of the test run's own platform settings leaks in.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("KENNISPLATFORM", StringComparison.OrdinalIgnoreCase)
                                                              || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in sharedSettings.Concat(environment))
            start.Environment[key] = value.Replace(StateFolder, stateRoot, StringComparison.Ordinal);

        var process = Process.Start(start) ?? throw new InvalidOperationException("The platform did not start.");
        return new PlatformNode(port, environment.GetValueOrDefault("Kennisplatform__NodeName", instance), process, Processes.Capture(process));
    }

    /// <summary>Waits until /status answers 200: database migrated, seed content in, index ready.</summary>
    public async Task WaitReadyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Node {Name} stopped with exit code {process.ExitCode}:\n{Output()}");
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
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Node {Name} not ready after {limit.TotalSeconds:0} s:\n{Output()}");
            await Task.Delay(200);
        }
    }

    public string Output() => Processes.Tail(log);

    /// <summary>Ends the process at once, as a power cut or an out-of-memory kill would: no clean shutdown.</summary>
    public void Kill()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>Asks the process to stop (SIGTERM, as systemctl stop does) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
            return;
        await Processes.SignalAsync(process.Id, "TERM");
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); }
        catch (InvalidOperationException) { Kill(); }
        process.Dispose();
        client?.Dispose();
    }
}
