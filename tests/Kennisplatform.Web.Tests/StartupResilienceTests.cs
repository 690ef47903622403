using System.Net;
using AngleSharp.Html.Parser;
using Kennisplatform.Content.Storage;
using Kennisplatform.Testing;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// The real executable, stopped as an unlucky operator or systemd would stop it: killed (SIGKILL) or asked to stop
/// (SIGTERM) at every phase of start-up and while serving. Nothing it leaves behind may block or slow the next start.
/// </summary>
[Trait(TestEngine.Trait, TestEngine.SqliteOnly)] // ServerProcess starts the executable on SQLite in its data folder
public sealed class StartupResilienceTests : IDisposable
{
    /// <summary>EF Core's migration lock on SQLite: a row in this table while a migration runs.</summary>
    private const string EfLockTable = "__EFMigrationsLock";

    private readonly string work = Directory.CreateTempSubdirectory("kp-start-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
    }

    /// <summary>
    /// Where each stop lands, in start-up order: the moment a phase's log line appears (the migration lines need EF's
    /// migration log on), with each signal. A phase already done in this data folder never shows again; then the stop
    /// lands once the site serves. Kills in a phase are followed by a stop in the same phase when it runs again.
    /// </summary>
    private static readonly (string Phase, int Signal)[] Stops =
    [
        ("", ServerProcess.SigKill), // at once: the runtime is still loading
        ("Applying migration", ServerProcess.SigKill),
        ("Applying migration", ServerProcess.SigTerm),
        ("Data folder:", ServerProcess.SigKill),
        ("Data folder:", ServerProcess.SigTerm),
        ("Search index", ServerProcess.SigKill),
        ("Search index", ServerProcess.SigTerm),
        ("Now listening on:", ServerProcess.SigKill),
        ("Now listening on:", ServerProcess.SigTerm),
        ("", ServerProcess.SigTerm),
    ];

    private static readonly Dictionary<string, string> PhaseLog = new()
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Migrations"] = "Information",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging__LogLevel__Kennisplatform.Web"] = "Information",
    };

    [Fact]
    public async Task Starts_stopped_in_every_phase_with_either_signal_never_block_the_next_start()
    {
        var data = Path.Combine(work, "data");
        foreach (var (phase, signal) in Stops)
        {
            await using var server = await ServerProcess.StartAsync(work, PhaseLog);
            await WaitForPhaseAsync(server, phase);
            server.Signal(signal);
            await server.WaitForExitAsync();
            // Before the runtime has loaded the app nothing can catch SIGTERM: the kernel ends it (code 143).
            if (signal == ServerProcess.SigTerm && phase.Length > 0)
                Assert.True(server.ExitCode == 0, $"SIGTERM at \"{phase}\": exit code {server.ExitCode}\n{server.Output}");
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        await using (var server = await ServerProcess.StartAsync(work, PhaseLog))
        {
            var address = await server.AddressAsync();
            using var http = new HttpClient { BaseAddress = address };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(120), $"the start after the kills took {started.Elapsed.TotalSeconds:0.0} s");
            var cases = await http.GetStringAsync("/api/v1/cases?pageSize=100");
            Assert.Contains($"\"total\":{Directory.GetFiles(Path.Combine(Repository(), "content", "praktijkvoorbeeld")).Length}", cases);
        }
        using var db = new SqliteConnection($"Data Source={Path.Combine(data, "kennisplatform.db")};Pooling=False");
        db.Open();
        Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));
        Assert.Equal(0L, Scalar(db, $"SELECT COUNT(*) FROM \"{EfLockTable}\""));
    }

    /// <summary>The exact state a kill in the middle of a migration leaves: EF Core's lock row. The site and the verbs go on.</summary>
    [Fact]
    public async Task A_migration_lock_row_left_by_a_killed_process_is_cleared_by_the_next_start_and_by_the_verbs()
    {
        var data = Path.Combine(work, "data");
        Directory.CreateDirectory(data);
        var connection = $"Data Source={Path.Combine(data, "kennisplatform.db")};Pooling=False";
        // EF Core's own migration, as an earlier version ran it, makes the lock table.
        await using (var content = ContentDb.Open(DatabaseTarget.Sqlite(Path.Combine(data, "kennisplatform.db"))))
            await content.Database.MigrateAsync();
        using (var db = new SqliteConnection(connection))
        {
            db.Open();
            Scalar(db, $"INSERT INTO \"{EfLockTable}\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-29 07:22:34+00:00')");
        }

        var export = ServerProcess.Command(work, "export", "uit");
        export.Environment["Logging__LogLevel__Default"] = "Warning";
        using (var verb = System.Diagnostics.Process.Start(export)!)
        {
            await Task.WhenAny(verb.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
            if (!verb.HasExited)
                verb.Kill();
            Assert.True(verb.HasExited && verb.ExitCode == 0, "the export verb waited for a lock that no process holds");
        }
        using (var db = new SqliteConnection(connection))
        {
            db.Open();
            Scalar(db, $"INSERT INTO \"{EfLockTable}\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-29 07:22:34+00:00')");
        }
        await using var server = await ServerProcess.StartAsync(work, PhaseLog);
        using var http = new HttpClient { BaseAddress = await server.AddressAsync() };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
    }

    /// <summary>
    /// SIGTERM while serving: a story being posted (its body still arriving) is stored and answered in full, the
    /// process ends with code 0, the search index was committed (the next start does not rebuild it) and no lock is left.
    /// </summary>
    [Fact]
    public async Task Sigterm_while_serving_finishes_the_request_under_way_and_leaves_a_clean_data_folder()
    {
        var environment = new Dictionary<string, string>(PhaseLog) { ["Kennisplatform__Submissions__MinimumFillTime"] = "00:00:00" };
        await using (var server = await ServerProcess.StartAsync(work, environment))
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = await server.AddressAsync() };
            var form = await new HtmlParser().ParseDocumentAsync(await http.GetStringAsync("/deel-je-ervaring"));
            var fields = SubmissionTests.Story("Verstuurd tijdens het stoppen");
            fields["__RequestVerificationToken"] = form.QuerySelector("form.submission-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            fields["Stamp"] = form.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!;
            var body = new SlowContent(await new FormUrlEncodedContent(fields).ReadAsByteArrayAsync());
            var post = http.PostAsync("/deel-je-ervaring", body);
            await body.HalfSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(300); // the server is now reading the form
            server.Signal(ServerProcess.SigTerm);
            await Task.Delay(300);
            body.SendRest.SetResult();
            using var response = await post;
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{server.Output}");
            await server.WaitForExitAsync();
            Assert.Equal(0, server.ExitCode);
        }

        await using (var again = await ServerProcess.StartAsync(work, PhaseLog))
        {
            var output = await again.WaitForAsync("Now listening on:");
            Assert.Contains("Search index ready", output);
            Assert.DoesNotContain("rebuilding", output);
        }
        using var db = new SqliteConnection($"Data Source={Path.Combine(work, "data", "kennisplatform.db")};Pooling=False");
        db.Open();
        Assert.Equal(1L, Scalar(db, "SELECT COUNT(*) FROM Items WHERE Title = 'Verstuurd tijdens het stoppen'"));
    }

    /// <summary>A request body that stops half-way until the test lets it go on.</summary>
    private sealed class SlowContent : HttpContent
    {
        private readonly byte[] bytes;

        public SlowContent(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new("application/x-www-form-urlencoded");
        }

        public TaskCompletionSource HalfSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource SendRest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await stream.FlushAsync();
            HalfSent.SetResult();
            await SendRest.Task;
            await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }

    private static async Task WaitForPhaseAsync(ServerProcess server, string phase)
    {
        if (phase.Length == 0)
            return;
        // A phase that is already done in this data folder (migrations applied by an earlier run) never shows:
        // then the process is stopped once it serves, the latest moment of a start.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!server.HasExited)
        {
            var output = server.Output;
            if (output.Contains(phase, StringComparison.Ordinal) || output.Contains("Now listening on:", StringComparison.Ordinal))
                return;
            Assert.True(DateTime.UtcNow < deadline, $"No \"{phase}\" and no answer within 3 minutes: the start is stuck.\n{output}");
            await Task.Delay(5);
        }
    }

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string Repository() => Kennisplatform.Web.Hosting.SiteFolders.RepositoryRoot()!;
}
