using System.Diagnostics;
using System.Text;

namespace Kennisplatform.Testing.Cluster;

/// <summary>Runs the helper programs the cluster needs (initdb, pg_ctl, psql, openssl, nginx -s).</summary>
public static class Processes
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs <paramref name="program"/> to its end; throws with its output when it fails.</summary>
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string? asUser = null,
        string? input = null, TimeSpan? limit = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = asUser is not null && IsRoot ? new ProcessStartInfo("runuser") : new ProcessStartInfo(program);
        if (asUser is not null && IsRoot)
        {
            foreach (var part in new[] { "-u", asUser, "--", program })
                start.ArgumentList.Add(part);
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = input is not null;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit ?? TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        return await output;
    }

    /// <summary>Sends a signal (TERM, KILL, QUIT) to one process we started, by its id.</summary>
    public static Task SignalAsync(int processId, string signal) =>
        RunAsync("kill", ["-" + signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>Collects a long-running process's output in memory, for the message of a failing test.</summary>
    public static StringBuilder Capture(Process process)
    {
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return log;
    }

    public static string Tail(StringBuilder log, int characters = 4000)
    {
        lock (log)
        {
            var text = log.ToString();
            return text.Length <= characters ? text : text[^characters..];
        }
    }
}
