using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// A real SMTP server in its own process: the Rnwood.Smtp4dev local tool (dotnet-tools.json), started on free
/// 127.0.0.1 ports with an in-memory store, read through its web API, and stopped with its process tree.
/// </summary>
public sealed class Smtp4dev : IAsyncLifetime
{
    private Process? process;
    private readonly HttpClient api = new();
    public int SmtpPort { get; } = FreePort();
    private readonly int webPort = FreePort();
    private readonly string appData = Directory.CreateTempSubdirectory("kp-smtp4dev-").FullName;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        var root = Kennisplatform.Web.Hosting.SiteFolders.RepositoryRoot() ?? throw new InvalidOperationException("Run the tests inside the repository.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "tool", "run", "smtp4dev", "--", $"--smtpport={SmtpPort}", $"--imapport={FreePort()}", $"--pop3port={FreePort()}",
            $"--urls=http://127.0.0.1:{webPort}", "--db=", "--bindaddress=127.0.0.1", "--nousersettings", $"--baseappdatapath={appData}",
            "--messagestokeep=1000",
        })
            start.ArgumentList.Add(argument);
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        api.BaseAddress = new Uri($"http://127.0.0.1:{webPort}");
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await api.GetAsync("/api/messages")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            if (process.HasExited)
                throw new InvalidOperationException($"smtp4dev stopped at start with code {process.ExitCode}.");
            await Task.Delay(100);
        }
        throw new TimeoutException("smtp4dev did not start within a minute.");
    }

    public sealed record Received(string Id, string Subject, IReadOnlyList<string> To);

    public async Task<IReadOnlyList<Received>> MessagesAsync()
    {
        using var json = JsonDocument.Parse(await api.GetStringAsync("/api/messages?pageSize=10000"));
        return json.RootElement.GetProperty("results").EnumerateArray().Select(m => new Received(
            m.GetProperty("id").GetString()!, m.GetProperty("subject").GetString() ?? "",
            m.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
    }

    public Task<string> RawAsync(string id) => api.GetStringAsync($"/api/messages/{id}/raw");

    /// <summary>Waits until at least <paramref name="count"/> messages match.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<Received, bool> match, int count = 1, int seconds = 30)
    {
        for (var i = 0; i < seconds * 10; i++)
        {
            var found = (await MessagesAsync()).Where(match).ToList();
            if (found.Count >= count)
                return found;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Expected {count} matching messages in smtp4dev; have: {string.Join("; ", (await MessagesAsync()).Select(m => m.Subject))}");
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process?.Dispose();
        api.Dispose();
        try { Directory.Delete(appData, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

/// <summary>A TCP relay in front of the SMTP server that the test can switch off and on: "the mail server is down".</summary>
public sealed class SwitchableRelay : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int target;
    private readonly CancellationTokenSource stop = new();
    public bool Down { get; set; }
    /// <summary>Each connection waits this long first, so a batch takes long enough to stop in the middle.</summary>
    public TimeSpan Delay { get; set; }
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public SwitchableRelay(int target)
    {
        this.target = target;
        listener.Start();
        _ = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception) { return; }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        {
            if (Down)
                return; // closes at once: the sender sees a failed connection
            if (Delay > TimeSpan.Zero)
                await Task.Delay(Delay);
            using var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, target);
            var a = client.GetStream();
            var b = server.GetStream();
            await Task.WhenAny(a.CopyToAsync(b), b.CopyToAsync(a));
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
