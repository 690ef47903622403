using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Kennisplatform.Web.Tests;

/// <summary>The real executable serving on a free port of 127.0.0.1, its console output collected as it comes.</summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();

    private ServerProcess(Process process) => this.process = process;

    public static ProcessStartInfo Command(string work, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kennisplatform.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["KENNISPLATFORM_DATA"] = Path.Combine(work, "data");
        start.Environment["KENNISPLATFORM_DATABASE"] = ""; // SQLite in the data folder
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }

    public static Task<ServerProcess> StartAsync(string work, IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var start = Command(work, ["--urls", "http://127.0.0.1:0", .. args]);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var server = new ServerProcess(Process.Start(start)!);
        server.process.OutputDataReceived += (_, e) => { lock (server.output) server.output.AppendLine(e.Data); };
        server.process.ErrorDataReceived += (_, e) => { lock (server.output) server.output.AppendLine(e.Data); };
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        return Task.FromResult(server);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    /// <summary>The address the server listens on, once it says so.</summary>
    public async Task<Uri> AddressAsync() => new(Listening().Match(await WaitForAsync("Now listening on: ")).Groups[1].Value);

    /// <summary>Everything printed so far, once <paramref name="text"/> has appeared (or fails after four minutes).</summary>
    public async Task<string> WaitForAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            string now;
            lock (output) now = output.ToString();
            if (now.Contains(text, StringComparison.Ordinal))
                return now;
            if (process.HasExited)
                Assert.Fail($"The server stopped before printing \"{text}\":\n{now}");
            await Task.Delay(50);
        }
        lock (output) Assert.Fail($"No \"{text}\" within four minutes:\n{output}");
        return "";
    }

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>Sends a POSIX signal to the server, as systemd or an operator would.</summary>
    public void Signal(int signal)
    {
        if (!process.HasExited)
            SendSignal(process.Id, signal);
    }

    /// <summary>Waits (two minutes at most) for the process to end by itself.</summary>
    public Task WaitForExitAsync() => process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
