using System.Diagnostics;
using System.Text.Json;

namespace Kennisplatform.Browser.Tests;

/// <summary>Every page type through the Nu HTML Checker (vnu-jar, the W3C validator's engine): no errors.</summary>
public class ValidityTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Every_page_type_is_valid_html()
    {
        var folder = Directory.CreateTempSubdirectory("kp-vnu-").FullName;
        try
        {
            var files = new Dictionary<string, string>();
            async Task AddAsync(string label, string html)
            {
                var file = Path.Combine(folder, $"page{files.Count}.html");
                await File.WriteAllTextAsync(file, html);
                files[Path.GetFileName(file)] = label;
            }
            foreach (var path in PageTypes.Paths())
            {
                using var response = await site.Http.GetAsync(path);
                await AddAsync(path, await response.Content.ReadAsStringAsync());
            }
            // The back office, as a signed-in beheerder sees it (the HTML as served, not as scripts changed it).
            var context = await site.SignedInContextAsync(Kennisplatform.Web.Accounts.Roles.Administrator);
            foreach (var path in AccessibilityTests.BackOfficePaths())
            {
                var response = await context.APIRequest.GetAsync(site.BaseUrl + path);
                await AddAsync(path, await response.TextAsync());
            }
            await context.CloseAsync();

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
            Assert.True(messages.Count == 0, string.Join('\n', messages));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
