using Kennisplatform.Content.Files;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Hosting;
using Kennisplatform.Web.Moving;
using Kennisplatform.Web.Search;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Commands;

/// <summary>Runs a command-line verb against the same database the site uses. Exit codes: 0 done, 1 problems found, 2 wrong use.</summary>
public static class CommandRunner
{
    /// <summary>What a verb's handler works with: the services of one scope, the site's options, its operand and the two writers.</summary>
    private sealed record Verb(IServiceProvider Services, PlatformOptions Options, CommandLine Line, TextWriter Output, TextWriter Errors)
    {
        public string Operand => Line.Operands[0];
        public string? Setting(string key) => Services.GetRequiredService<IConfiguration>()[key];
    }

    private sealed record Handler(string Usage, int Operands, Func<Verb, Task<int>> RunAsync);

    /// <summary>Every verb: its line in the usage text, how many operands it takes, and what it does.</summary>
    private static readonly Dictionary<string, Handler> Handlers = new()
    {
        ["import"] = new("import MAP      leest de inhoudsbestanden in MAP in (alles of niets)", 1, ImportAsync),
        ["export"] = new("export MAP      schrijft alle inhoud als bestanden naar MAP", 1, ExportAsync),
        ["reindex"] = new("reindex         bouwt de zoekindex opnieuw op uit de database", 0, ReindexAsync),
        ["backup"] = new("backup BESTAND   schrijft database, accounts en media naar één zip-bestand (ook terwijl de site draait)", 1,
            verb => Backups(verb).BackupAsync(verb.Operand, verb.Output, verb.Errors)),
        ["restore"] = new("restore BESTAND [--replace]   zet een backup terug; --replace bewaart de huidige gegevens in voor-herstel-…", 1,
            WithAccounts(verb => Backups(verb).RestoreAsync(verb.Operand, verb.Line.Flags.Contains("--replace"),
                () => SiteLock.IsHeld(verb.Options), verb.Output, verb.Errors))),
        ["copy-database"] = new("copy-database --to VERBINDING   kopieert de hele site naar een lege database (PostgreSQL: \"Host=…;Database=…\", SQLite: \"Data Source=BESTAND\")", 0,
            verb => CopyDatabaseCommand.RunAsync(verb.Options.DatabaseTarget, verb.Setting("to"), verb.Output, verb.Errors)),
        ["create-admin"] = new("create-admin --email ADRES [--name NAAM]   maakt een beheerder; wachtwoord via standaardinvoer of gegenereerd", 0,
            WithAccounts(verb => AdminCommand.RunAsync(verb.Services, verb.Setting("email"), verb.Setting("name"), Console.In, Console.IsInputRedirected, verb.Output, verb.Errors))),
    };

    public static async Task<int> RunAsync(WebApplication app, CommandLine commandLine)
    {
        if (commandLine.Verb == "help")
            return Usage(Console.Out, null);
        if (!Handlers.TryGetValue(commandLine.Verb!, out var handler) || commandLine.Operands.Count != handler.Operands)
            return Usage(Console.Error, commandLine.Verb);

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<PlatformOptions>>().Value;
        try
        {
            await DatabaseSetup.RunExclusiveAsync(options.DatabaseTarget, () => DatabaseSetup.MigrateAsync(services.GetRequiredService<ContentDb>()));
            return await handler.RunAsync(new Verb(services, options, commandLine, Console.Out, Console.Error));
        }
        catch (Exception e) when (StorageFailure.Classify(e, options.DataFolder) is { } problem)
        {
            Console.Error.WriteLine(StorageFailure.Describe(problem));
            return 1;
        }
    }

    private static async Task<int> ImportAsync(Verb verb)
    {
        var result = await verb.Services.GetRequiredService<ContentImporter>().ImportAsync(Path.GetFullPath(verb.Operand), new ConsoleProgress(verb.Errors));
        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems)
                verb.Errors.WriteLine(problem);
            verb.Errors.WriteLine($"Niets ingelezen: {result.Problems.Count} probleem/problemen in {result.Problems.Select(p => p.File).Distinct().Count()} bestand(en).");
            return 1;
        }
        verb.Output.WriteLine($"Ingelezen in {verb.Options.DatabaseTarget.Describe()}: {result.Files} bestanden, {result.Created} nieuw, {result.Updated} bijgewerkt, {result.Unchanged} ongewijzigd.");
        return 0;
    }

    private static async Task<int> ExportAsync(Verb verb)
    {
        var folder = Path.GetFullPath(verb.Operand);
        var count = await verb.Services.GetRequiredService<ContentExporter>().ExportAsync(folder, new ConsoleProgress(verb.Errors));
        verb.Output.WriteLine($"{count} items geschreven naar {folder}.");
        return 0;
    }

    private static async Task<int> ReindexAsync(Verb verb)
    {
        if (SiteLock.IsHeld(verb.Options))
        {
            verb.Errors.WriteLine("De zoekindex is in gebruik door een draaiende website met dezelfde datamap. Stop die eerst; bij de start bouwt de website de index zelf bij.");
            return 1;
        }
        var indexer = verb.Services.GetRequiredService<SearchIndexer>();
        indexer.Open(); // not PrepareAsync: that would rebuild an outdated index once before this rebuild
        var count = await indexer.RebuildAsync(new ConsoleProgress(verb.Errors), CancellationToken.None);
        verb.Output.WriteLine($"Zoekindex opnieuw opgebouwd in {verb.Options.IndexFolder}: {count} items.");
        return 0;
    }

    /// <summary><paramref name="run"/> after the accounts tables and roles are ready, under the same start-up lock as the site's.</summary>
    private static Func<Verb, Task<int>> WithAccounts(Func<Verb, Task<int>> run) => async verb =>
    {
        await DatabaseSetup.RunExclusiveAsync(verb.Options.DatabaseTarget, () => verb.Services.PrepareAccountsAsync());
        return await run(verb);
    };

    private static Backups Backups(Verb verb) => new(verb.Options, verb.Services.GetRequiredService<ContentDb>(),
        verb.Services.GetRequiredService<AccountsDb>(), verb.Services.GetRequiredService<TimeProvider>());

    private static int Usage(TextWriter writer, string? wrongVerb)
    {
        if (wrongVerb is not null)
            writer.WriteLine($"Onbekende opdracht of verkeerde argumenten: {wrongVerb}");
        writer.WriteLine("Gebruik: dotnet run --project src/Kennisplatform.Web -- [--data MAP] OPDRACHT");
        foreach (var handler in Handlers.Values)
            writer.WriteLine("  " + handler.Usage);
        writer.WriteLine("  help            toont deze uitleg");
        return wrongVerb is null ? 0 : 2;
    }

    /// <summary>Shows progress on one line, at most a hundred updates a phase, so large folders show movement without flooding a log.</summary>
    private sealed class ConsoleProgress(TextWriter writer) : IProgress<ImportProgress>
    {
        private string phase = "";
        private int lastPercent = -1;

        public void Report(ImportProgress value)
        {
            var percent = value.Total == 0 ? 100 : value.Done * 100 / value.Total;
            if (value.Phase == phase && percent == lastPercent)
                return;
            phase = value.Phase;
            lastPercent = percent;
            writer.Write($"\r{value.Phase}: {value.Done}/{value.Total} ({percent}%)   ");
            if (value.Done == value.Total)
                writer.WriteLine();
        }
    }
}
