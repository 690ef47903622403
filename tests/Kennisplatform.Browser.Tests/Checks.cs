using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Kennisplatform.Browser.Tests;

/// <summary>The two page checks every test uses: axe-core in the page, and the Nu HTML Checker on served HTML.</summary>
public static class Checks
{
    /// <summary>axe-core's violations on the page as it is now, one line each (rule, help, first three targets).</summary>
    public static async Task<List<string>> AxeAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Tools.NodeModule("axe-core", "axe.min.js") });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))");
        return json.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>vnu-jar's errors for every page, each prefixed with the page's label and line; one Java start for all.</summary>
    public static async Task<List<string>> ValidateAsync(IEnumerable<(string Label, string Html)> pages)
    {
        var folder = Directory.CreateTempSubdirectory("kp-vnu-").FullName;
        try
        {
            var files = new Dictionary<string, string>();
            foreach (var (label, html) in pages)
            {
                var file = Path.Combine(folder, $"page{files.Count}.html");
                await File.WriteAllTextAsync(file, html);
                files[Path.GetFileName(file)] = label;
            }
            var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "-jar", Tools.NodeModule("vnu-jar", "build", "dist", "vnu.jar"), "--errors-only", "--format", "json" }.Concat(files.Keys.Select(f => Path.Combine(folder, f))))
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var report = await process.StandardError.ReadToEndAsync(); // vnu writes its JSON to standard error
            await process.WaitForExitAsync();
            await stdout;

            var messages = JsonDocument.Parse(report).RootElement.GetProperty("messages").EnumerateArray()
                .Select(m => $"{files.GetValueOrDefault(Path.GetFileName(m.GetProperty("url").GetString()!), "?")} line {(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
                .ToList();
            if (messages.Count == 0 && process.ExitCode != 0)
                messages.Add($"vnu stopped with exit code {process.ExitCode}");
            return messages;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
