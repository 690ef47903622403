using System.Diagnostics;
using System.Text.RegularExpressions;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Whether the sign-in page tells, by its speed, that an address has an account: wrong passwords for a known address
/// and for unknown ones, interleaved, through the real app (the limits raised so no attempt is paused). Prints both
/// distributions and the difference of their medians; the known address's time is the reference of the same run.
/// dotnet run -c Release --project tests/Kennisplatform.Web.Benchmarks -- signin [samples=300]
/// </summary>
public static partial class SignInBenchmark
{
    public static async Task RunAsync(int samples)
    {
        var data = Directory.CreateTempSubdirectory("kp-signin-").FullName;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KENNISPLATFORM_WEB", Path.Combine(Kennisplatform.Web.Hosting.SiteFolders.RepositoryRoot()!, "src", "Kennisplatform.Web"));
        try
        {
            await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting("data", data);
                builder.UseSetting("Kennisplatform:ImportContentWhenEmpty", "false");
                foreach (var limit in new[] { "PerAddressAndClient", "PerClient", "PerAddress" })
                    builder.UseSetting($"Kennisplatform:SignIn:{limit}", "1000000");
                builder.UseEnvironment("Production");
            });
            const string known = "redacteur@example.org";
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
                var created = await users.CreateAsync(new Editor { UserName = known, Email = known, DisplayName = "Redacteur", EmailConfirmed = true }, "een lange zin als wachtwoord");
                if (!created.Succeeded)
                    throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var token = Token().Match(await client.GetStringAsync("/beheer/inloggen")).Groups[1].Value;

            var knownTimes = new List<double>();
            var unknownTimes = new List<double>();
            var answers = new HashSet<string>();
            for (var i = -20; i < samples; i++) // the first 20 of each warm up JIT and pools, and are not counted
            {
                foreach (var isKnown in i % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    var address = isKnown ? known : $"niemand-{i}-{Guid.NewGuid():N}@example.org";
                    var watch = Stopwatch.StartNew();
                    using var response = await client.PostAsync("/beheer/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["Email"] = address, ["Password"] = "een fout wachtwoord", ["__RequestVerificationToken"] = token,
                    }));
                    var body = await response.Content.ReadAsStringAsync();
                    var elapsed = watch.Elapsed.TotalMilliseconds;
                    if (i < 0)
                        continue;
                    (isKnown ? knownTimes : unknownTimes).Add(elapsed);
                    answers.Add($"{(int)response.StatusCode} {Alert().Match(body).Value.Replace(address, "ADRES", StringComparison.Ordinal)}");
                }
            }
            Console.WriteLine($"Sign-in with a wrong password, {samples} samples each, interleaved (SQLite, {Environment.ProcessorCount} cores, .NET {Environment.Version}):");
            Console.WriteLine($"  known address (reference): {Describe(knownTimes)}");
            Console.WriteLine($"  unknown address:           {Describe(unknownTimes)}");
            var difference = P(unknownTimes, 0.5) - P(knownTimes, 0.5);
            Console.WriteLine($"  difference of medians: {difference:+0.00;-0.00} ms ({P(unknownTimes, 0.5) / P(knownTimes, 0.5):F3}x the known address's median)");
            Console.WriteLine($"  different answers seen: {answers.Count} ({string.Join(" | ", answers)})");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Describe(List<double> times) =>
        $"p10 {P(times, 0.1):F2} ms, median {P(times, 0.5):F2} ms, p90 {P(times, 0.9):F2} ms, mean {times.Average():F2} ms";

    private static double P(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("role=\"alert\"[^>]*>[^<]*(<[^/][^>]*>[^<]*)*")]
    private static partial Regex Alert();
}
