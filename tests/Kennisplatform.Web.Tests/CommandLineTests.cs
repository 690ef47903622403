using System.Diagnostics;

namespace Kennisplatform.Web.Tests;

/// <summary>The verbs of the real executable, run as a separate process as a user would.</summary>
public class CommandLineTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kp-cli-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    private Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    private async Task<(int Exit, string Out, string Error)> RunWithInputAsync(string? input, params string[] args)
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
        start.Environment["KENNISPLATFORM_DATA"] = Path.Combine(work, "data");
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

    [Fact]
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
    public async Task Unknown_verb_explains_the_usage()
    {
        var (exit, _, error) = await RunAsync("importeer");
        Assert.Equal(2, exit);
        Assert.Contains("import MAP", error);
    }
}
