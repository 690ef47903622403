using System.Diagnostics;
using System.Text.Json;

namespace Kennisplatform.Browser.Tests;

/// <summary>
/// The OpenAPI document through a real linter: Redocly CLI (npm, in package-lock.json) with its recommended rules.
/// Any error or warning fails, with the linter's own messages.
/// </summary>
public class OpenApiLintTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_openapi_document_passes_redocly_recommended_rules_without_errors_or_warnings()
    {
        var document = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await site.Http.GetStringAsync("/openapi/v1.json"));
        try
        {
            var start = new ProcessStartInfo("node") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { Tools.NodeModule("@redocly", "cli", "bin", "cli.js"), "lint", document, "--format=json" })
                start.ArgumentList.Add(arg);
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

            using var json = JsonDocument.Parse(output);
            var totals = json.RootElement.GetProperty("totals");
            var problems = json.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}").ToList();
            Assert.True(totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0,
                string.Join('\n', problems) + "\n" + await errors);
        }
        finally
        {
            File.Delete(document);
        }
    }
}
