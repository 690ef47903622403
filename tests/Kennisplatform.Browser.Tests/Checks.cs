using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Kennisplatform.Browser.Tests;

/// <summary>The two page checks every test uses: axe-core in the page, and the Nu HTML Checker on served HTML.</summary>
public static class Checks
{
    /// <summary>axe-core's violations on the page as it is now, one line each (rule, help, first three targets).</summary>
    /// <summary>Opens <paramref name="url"/> at <paramref name="width"/> px: axe violations and sideways scrolling (naming what sticks out), and the served HTML for the validator.</summary>
    public static async Task<(List<string> Problems, string Html)> AtWidthAsync(IBrowserContext context, string url, int width)
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        var problems = await AxeAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > width)
        {
            // Name the outermost elements that stick out, so the fix is obvious from the message.
            var wide = await page.EvaluateAsync<string[]>(@"w => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > w + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1))
                .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')", width);
            problems.Add($"{scrollWidth} px wide at {width} px: {string.Join(", ", wide)}");
        }
        var html = await response.TextAsync();
        await page.CloseAsync();
        return (problems.Select(p => $"{url} at {width} px: {p}").ToList(), html);
    }

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
