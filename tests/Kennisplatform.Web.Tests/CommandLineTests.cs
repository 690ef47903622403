using System.Diagnostics;
using Kennisplatform.Testing;

namespace Kennisplatform.Web.Tests;

/// <summary>The verbs of the real executable, run as a separate process as a user would.</summary>
public class CommandLineTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kp-cli-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    private Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    private Task<(int Exit, string Out, string Error)> RunWithInputAsync(string? input, params string[] args) =>
        RunInAsync("data", input, args);

    /// <summary>Runs the executable with its data folder at <paramref name="data"/> (relative to the test's folder).</summary>
    private Task<(int Exit, string Out, string Error)> RunInAsync(string data, string? input, params string[] args) =>
        RunOnAsync(data, "", input, args);

    /// <summary>Runs the executable on the database <paramref name="database"/> (empty: SQLite in the data folder).</summary>
    private async Task<(int Exit, string Out, string Error)> RunOnAsync(string data, string database, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = work,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kennisplatform.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["KENNISPLATFORM_DATABASE"] = database;
        start.Environment["KENNISPLATFORM_DATA"] = Path.Combine(work, data);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        if (input is not null)
            await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    private void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(work, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [MountFact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task A_verb_on_a_full_disk_says_so_in_Dutch_and_exits_non_zero()
    {
        var data = Path.Combine(work, "data");
        Directory.CreateDirectory(data);
        Assert.True(FullDiskTests.Run("mount", $"-t tmpfs -o size=8m tmpfs {data}"));
        try
        {
            WriteFile("klein/thema/een.md", "---\ntype: thema\ntitle: Een\n---\n");
            Assert.Equal(0, (await RunAsync("import", "klein")).Exit);
            var filler = Path.Combine(data, "vulling");
            using (var file = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                try
                {
                    while (true)
                        file.Write(new byte[4096]);
                }
                catch (IOException)
                {
                }
            }
            var text = string.Concat(Enumerable.Repeat("Een zin over de buurt die steeds weer terugkomt. ", 400));
            for (var i = 0; i < 40; i++)
                WriteFile($"groot/thema/thema-{i}.md", $"---\ntype: thema\ntitle: Thema {i}\n---\n{text}\n");

            var (exit, _, error) = await RunAsync("import", "groot");

            Assert.True(exit == 1, error);
            Assert.Contains("Kon niet opslaan: de schijf is vol. Er is niets half opgeslagen.", error);
            Assert.DoesNotContain("Unhandled exception", error);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            FullDiskTests.Run("umount", data);
        }
    }

    [Fact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task Import_with_one_broken_file_exits_non_zero_names_file_and_line_and_imports_nothing()
    {
        WriteFile("in/thema/goed.md", "---\ntype: thema\ntitle: Goed\n---\n");
        WriteFile("in/thema/kapot.md", "---\ntype: thema\ntitle: Kapot\norder: eerste\n---\n");

        var (exit, _, error) = await RunAsync("import", "in");

        Assert.Equal(1, exit);
        Assert.Contains($"{Path.Combine("thema", "kapot.md")}:4: 'order' moet een heel getal zijn", error);
        Assert.Contains("Niets ingelezen", error);

        var export = await RunAsync("export", "out");
        Assert.Equal(0, export.Exit);
        Assert.Contains("0 items", export.Out);
    }

    [Fact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task Import_then_export_through_the_command_line()
    {
        WriteFile("in/thema/goed.md", "---\ntype: thema\ntitle: Goed\n---\nTekst.\n");
        var import = await RunAsync("import", "in");
        Assert.True(import.Exit == 0, import.Error);
        Assert.Contains("1 nieuw", import.Out);

        var again = await RunAsync("import", "in");
        Assert.Contains("0 nieuw, 0 bijgewerkt, 1 ongewijzigd", again.Out);

        var export = await RunAsync("--data", Path.Combine(work, "data"), "export", "out");
        Assert.Equal(0, export.Exit);
        Assert.Contains("title: Goed", File.ReadAllText(Path.Combine(work, "out", "thema", "goed.md")));
    }

    [Fact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task Reindex_rebuilds_the_search_index_with_progress()
    {
        WriteFile("in/thema/goed.md", "---\ntype: thema\ntitle: Goed\n---\nTekst.\n");
        Assert.Equal(0, (await RunAsync("import", "in")).Exit);

        var (exit, output, error) = await RunAsync("--content", Path.Combine(Kennisplatform.Web.Hosting.SiteFolders.RepositoryRoot()!, "content"), "reindex");

        Assert.True(exit == 0, error);
        Assert.Contains("1 items", output);
        Assert.Contains("indexeren: 1/1 (100%)", error);
        Assert.True(File.Exists(Path.Combine(work, "data", "index", "segments.gen")) || Directory.GetFiles(Path.Combine(work, "data", "index"), "segments_*").Length > 0);
    }

    [Fact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task Create_admin_takes_the_password_from_standard_input()
    {
        var (exit, output, error) = await RunWithInputAsync("een lange zin als wachtwoord", "create-admin", "--email", "eerste@example.org");
        Assert.True(exit == 0, error);
        Assert.Contains("Beheerder eerste@example.org is aangemaakt.", output);
        Assert.DoesNotContain("wachtwoord", output.ToLowerInvariant().Replace("beheerder", ""));

        var again = await RunWithInputAsync("een lange zin als wachtwoord", "create-admin", "--email", "eerste@example.org");
        Assert.Equal(1, again.Exit);
        Assert.Contains("Er is al een account met", again.Error);

        var missing = await RunAsync("create-admin");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("Geef een e-mailadres", missing.Error);
    }

    [Fact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task Unknown_verb_explains_the_usage()
    {
        var (exit, _, error) = await RunAsync("importeer");
        Assert.Equal(2, exit);
        Assert.Contains("import MAP", error);
    }

    [Fact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task Help_lists_every_verb_and_wrong_operands_are_wrong_use_that_opens_no_database()
    {
        var help = await RunAsync("help");
        Assert.Equal(0, help.Exit);
        foreach (var line in new[] { "import MAP", "export MAP", "reindex", "backup BESTAND", "restore BESTAND [--replace]", "copy-database --to", "create-admin --email", "help" })
            Assert.Contains("  " + line, help.Out);
        Assert.DoesNotContain("Onbekende opdracht", help.Out);

        foreach (var args in new[] { new[] { "import" }, ["export", "a", "b"], ["reindex", "nu"], ["backup"] })
        {
            var wrong = await RunAsync(args);
            Assert.Equal(2, wrong.Exit);
            Assert.Contains($"Onbekende opdracht of verkeerde argumenten: {args[0]}", wrong.Error);
            Assert.Contains("  import MAP", wrong.Error);
        }
        Assert.False(File.Exists(Path.Combine(work, "data", "kennisplatform.db")), "wrong use made a database");
    }

    [PostgreSqlFact("the round trip on a database server.")]
    public async Task Backup_and_restore_work_on_postgresql_and_a_backup_restores_on_either_engine()
    {
        var database = Kennisplatform.Testing.TestEngine.NewDatabase(work);
        var empty = Kennisplatform.Testing.TestEngine.NewDatabase(work);
        try
        {
            Task<(int Exit, string Out, string Error)> OnServer(string data, Kennisplatform.Content.Storage.DatabaseTarget on, string? input, params string[] args) =>
                RunOnAsync(data, on.ConnectionString, input, args);
            Assert.Equal(0, (await OnServer("pg", database, null, "import", Content)).Exit);
            Assert.Equal(0, (await OnServer("pg", database, SiteFactory.EditorPassword, "create-admin", "--email", "beheer@example.org")).Exit);
            WriteFile("pg/media/1-foto.png", "PNG-bytes-for-the-test");
            var original = await ExportedOnAsync("pg", database.ConnectionString);

            var backup = await OnServer("pg", database, null, "backup", "server.zip");
            Assert.True(backup.Exit == 0, backup.Error);
            Assert.Matches($@"Backup geschreven naar .*server\.zip: {SeedItems} items, 1 account, 1 mediabestand", backup.Out);

            // Onto an empty database on the server, and onto SQLite in a data folder: the same site.
            var restored = await OnServer("pg2", empty, null, "restore", Path.Combine(work, "server.zip"));
            Assert.True(restored.Exit == 0, restored.Error);
            Assert.Equal(original, await ExportedOnAsync("pg2", empty.ConnectionString));
            Assert.Equal("PNG-bytes-for-the-test", File.ReadAllText(Path.Combine(work, "pg2", "media", "1-foto.png")));
            Assert.Equal(1, (await OnServer("pg2", empty, SiteFactory.EditorPassword, "create-admin", "--email", "beheer@example.org")).Exit);
            var onSqlite = await RunInAsync("sqlite", null, "restore", Path.Combine(work, "server.zip"));
            Assert.True(onSqlite.Exit == 0, onSqlite.Error);
            Assert.Equal(original, await ExportedAsync("sqlite"));

            // Over data on the server: refused without --replace; with it, the old data is first kept as a backup.
            WriteFile("other/thema/nieuw.md", "---\ntype: thema\ntitle: Alleen hier\n---\n");
            Assert.Equal(0, (await OnServer("pg", database, null, "import", "other")).Exit);
            var changed = await ExportedOnAsync("pg", database.ConnectionString);
            var refused = await OnServer("pg", database, null, "restore", "server.zip");
            Assert.Equal(1, refused.Exit);
            Assert.Contains("--replace", refused.Error);
            Assert.Equal(changed, await ExportedOnAsync("pg", database.ConnectionString));

            var replaced = await OnServer("pg", database, null, "restore", "--replace", "server.zip");
            Assert.True(replaced.Exit == 0, replaced.Error);
            Assert.Equal(original, await ExportedOnAsync("pg", database.ConnectionString));
            var kept = Assert.Single(Directory.GetFiles(Path.Combine(work, "pg"), "voor-herstel-*.zip"));
            Assert.Contains("voor-herstel-", replaced.Out);
            var back = await RunInAsync("kept", null, "restore", kept);
            Assert.True(back.Exit == 0, back.Error);
            Assert.Equal(changed, await ExportedAsync("kept"));
        }
        finally
        {
            Kennisplatform.Testing.TestEngine.Drop(database);
            Kennisplatform.Testing.TestEngine.Drop(empty);
        }
    }

    private static string Content => Path.Combine(Kennisplatform.Web.Hosting.SiteFolders.RepositoryRoot()!, "content");

    /// <summary>The number of items in the seed content: one file per item in each type's folder.</summary>
    // Practitioners' reports (geprobeerd/) and follow-ups (vervolg/) belong to their items: they are not items.
    private static int SeedItems => Directory.GetDirectories(Content).Where(f => !Kennisplatform.Content.Files.ContentFolder.PartFolders.Contains(Path.GetFileName(f)))
        .Sum(folder => Directory.GetFiles(folder, "*.md").Length);

    [Fact]
    public async Task Copy_database_moves_the_site_to_an_empty_database_of_the_other_engine_and_back_with_identical_exports()
    {
        Assert.Equal(0, (await RunAsync("import", Content)).Exit);
        Assert.Equal(0, (await RunWithInputAsync(SiteFactory.EditorPassword, "create-admin", "--email", "beheer@example.org")).Exit);
        // PostgreSQL when this run has a server, else another SQLite file: either way a real copy between databases.
        var other = Kennisplatform.Testing.TestEngine.NewDatabase(work, "kopie.db");
        var back = Kennisplatform.Content.Storage.DatabaseTarget.Sqlite(Path.Combine(work, "terug.db"));
        try
        {
            var copy = await RunAsync("copy-database", "--to", other.ConnectionString);
            Assert.True(copy.Exit == 0, copy.Error);
            Assert.Contains($"Items: {SeedItems}/{SeedItems} (100%)", copy.Error);
            Assert.Contains("de aantallen kloppen", copy.Out);
            Assert.Contains("AccountUsers: 1", copy.Out);

            var again = await RunAsync("copy-database", "--to", other.ConnectionString);
            Assert.Equal(1, again.Exit);
            Assert.Contains("niet leeg", again.Error);

            var home = await ExportedAsync("data");
            Assert.Equal(home, await ExportedOnAsync("elders", other.ConnectionString));
            var backAgain = await RunOnAsync("elders", other.ConnectionString, null, "copy-database", "--to", back.ConnectionString);
            Assert.True(backAgain.Exit == 0, backAgain.Error);
            Assert.Equal(home, await ExportedOnAsync("terug", back.ConnectionString));
            // The account came along: making it again on the copy is refused as a duplicate.
            var duplicate = await RunOnAsync("terug", back.ConnectionString, SiteFactory.EditorPassword, "create-admin", "--email", "beheer@example.org");
            Assert.Equal(1, duplicate.Exit);
        }
        finally
        {
            Kennisplatform.Testing.TestEngine.Drop(other);
        }
    }

    [Fact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task Copy_database_refuses_a_target_it_cannot_read_and_changes_nothing()
    {
        var missing = await RunAsync("copy-database");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("--to", missing.Error);
        var same = await RunAsync("copy-database", "--to", $"Data Source={Path.Combine(work, "data", "kennisplatform.db")}");
        Assert.Equal(1, same.Exit);
        Assert.Contains("dezelfde database", same.Error);
    }

    private async Task<Dictionary<string, string>> ExportedOnAsync(string data, string database)
    {
        var folder = Path.Combine(work, "export-" + Guid.NewGuid().ToString("N"));
        var (exit, _, error) = await RunOnAsync(data, database, null, "export", folder);
        Assert.True(exit == 0, error);
        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);
    }

    /// <summary>Every exported file of a data folder, by relative path: what "the same site" means for a restore.</summary>
    private async Task<Dictionary<string, string>> ExportedAsync(string data)
    {
        var folder = Path.Combine(work, "export-" + Guid.NewGuid().ToString("N"));
        var (exit, _, error) = await RunInAsync(data, null, "export", folder);
        Assert.True(exit == 0, error);
        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);
    }

    [Fact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task Backup_and_restore_carry_content_accounts_and_media_to_another_data_folder()
    {
        Assert.Equal(0, (await RunAsync("import", Content)).Exit);
        Assert.Equal(0, (await RunWithInputAsync(SiteFactory.EditorPassword, "create-admin", "--email", "beheer@example.org")).Exit);
        WriteFile("data/media/1-foto.png", "PNG-bytes-for-the-test");

        var backup = await RunAsync("backup", "kopie.zip");
        Assert.True(backup.Exit == 0, backup.Error);
        Assert.Matches($@"Backup geschreven naar .*kopie\.zip: {SeedItems} items, 1 account, 1 mediabestand", backup.Out);
        var again = await RunAsync("backup", "kopie.zip");
        Assert.Equal(1, again.Exit);
        Assert.Contains("overschrijft nooit", again.Error);

        var restored = await RunInAsync("elders", null, "restore", Path.Combine(work, "kopie.zip"));
        Assert.True(restored.Exit == 0, restored.Error);
        Assert.Contains($"{SeedItems} items, 1 account, 1 mediabestand", restored.Out);
        Assert.Equal(await ExportedAsync("data"), await ExportedAsync("elders"));
        Assert.Equal("PNG-bytes-for-the-test", File.ReadAllText(Path.Combine(work, "elders", "media", "1-foto.png")));
        // The account came along: making it again is refused as a duplicate.
        var duplicate = await RunInAsync("elders", SiteFactory.EditorPassword, "create-admin", "--email", "beheer@example.org");
        Assert.Equal(1, duplicate.Exit);
        Assert.Contains("Er is al een account met", duplicate.Error);
    }

    [Fact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task Restore_over_existing_data_needs_replace_and_keeps_the_old_data_aside()
    {
        Assert.Equal(0, (await RunAsync("import", Content)).Exit);
        Assert.Equal(0, (await RunAsync("backup", "kopie.zip")).Exit);
        WriteFile("other/thema/nieuw.md", "---\ntype: thema\ntitle: Alleen hier\n---\n");
        Assert.Equal(0, (await RunAsync("import", "other")).Exit);
        var before = await ExportedAsync("data");

        var refused = await RunAsync("restore", "kopie.zip");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("--replace", refused.Error);
        Assert.Equal(before, await ExportedAsync("data"));

        var replaced = await RunAsync("restore", "--replace", "kopie.zip");
        Assert.True(replaced.Exit == 0, replaced.Error);
        var after = await ExportedAsync("data");
        Assert.DoesNotContain(after.Keys, k => k.Contains("alleen-hier"));
        Assert.Equal(before.Count - 1, after.Count);

        // Nothing is thrown away: the data from before the restore is still there, and can be restored in turn.
        var kept = Assert.Single(Directory.GetDirectories(Path.Combine(work, "data"), "voor-herstel-*"));
        Assert.True(File.Exists(Path.Combine(kept, "kennisplatform.db")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(work, "data"), ".herstel-*"));
    }

    [Fact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task A_broken_or_foreign_backup_is_refused_by_name_and_changes_nothing()
    {
        Assert.Equal(0, (await RunAsync("import", Content)).Exit);
        Assert.Equal(0, (await RunAsync("backup", "goed.zip")).Exit);
        var before = await ExportedAsync("data");

        WriteFile("tekst.zip", "dit is geen zip");
        void Zip(string name, params (string Entry, byte[] Bytes)[] entries)
        {
            using var zip = System.IO.Compression.ZipFile.Open(Path.Combine(work, name), System.IO.Compression.ZipArchiveMode.Create);
            foreach (var (entry, bytes) in entries)
            {
                using var stream = zip.CreateEntry(entry).Open();
                stream.Write(bytes);
            }
        }
        byte[] FromGood(string entry)
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(work, "goed.zip"));
            using var stream = zip.GetEntry(entry)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        var manifest = FromGood("backup.json");
        var database = FromGood("kennisplatform.db");
        Zip("pad.zip", ("backup.json", manifest), ("kennisplatform.db", database), ("media/../../evil.sh", "x"u8.ToArray()));
        Zip("kapot.zip", ("backup.json", manifest), ("kennisplatform.db", database[..4096]));
        Zip("zonder-db.zip", ("backup.json", manifest));
        var doctored = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(manifest).Replace($"\"Items\": {SeedItems}", $"\"Items\": {SeedItems + 1}"));
        Assert.NotEqual(manifest, doctored);
        Zip("vervalst.zip", ("backup.json", doctored), ("kennisplatform.db", database));

        foreach (var (file, message) in new[]
        {
            ("bestaat-niet.zip", "bestaat niet"),
            ("tekst.zip", "geen leesbare backup"),
            ("pad.zip", "onverwacht onderdeel"),
            ("kapot.zip", "database in de backup"),
            ("zonder-db.zip", "ontbreekt"),
            ("vervalst.zip", "past niet bij de beschrijving"),
        })
        {
            var result = await RunAsync("restore", file, "--replace");
            Assert.True(result.Exit == 1, $"{file}: exit {result.Exit} {result.Out}");
            Assert.Contains(Path.Combine(work, file) + ":", result.Error);
            Assert.Contains(message, result.Error);
            Assert.Contains("Er is niets teruggezet.", result.Error);
        }
        Assert.Equal(before, await ExportedAsync("data"));
        Assert.False(File.Exists(Path.Combine(work, "evil.sh")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(work, "data"), "voor-herstel-*"));
    }

    [Fact]
    [Trait(TestEngine.Trait, TestEngine.SqliteOnly)]
    public async Task Restore_is_refused_while_the_site_runs_on_the_same_data_and_backup_works_meanwhile()
    {
        Assert.Equal(0, (await RunAsync("import", Content)).Exit);
        await using var server = await ServerProcess.StartAsync(work);
        await server.WaitForAsync("Application started");
        var backup = await RunAsync("backup", "tijdens.zip");
        Assert.True(backup.Exit == 0, backup.Error);
        var restore = await RunAsync("restore", "tijdens.zip", "--replace");
        Assert.Equal(1, restore.Exit);
        Assert.Contains("De website draait", restore.Error);
        var reindex = await RunAsync("reindex");
        Assert.Equal(1, reindex.Exit);
        Assert.Contains("draaiende website", reindex.Error);
        Assert.Empty(Directory.GetDirectories(Path.Combine(work, "data"), "voor-herstel-*"));

        // A second site on the same data folder does not start.
        await using var second = await ServerProcess.StartAsync(work);
        await second.WaitForExitAsync();
        Assert.Contains("Er draait al een website met deze datamap", second.Output);
    }
}
