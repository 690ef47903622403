using Kennisplatform.Content.Files;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Hosting;
using Kennisplatform.Web.Search;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Commands;

/// <summary>Runs a command-line verb against the same database the site uses. Exit codes: 0 done, 1 problems found, 2 wrong use.</summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(WebApplication app, CommandLine commandLine)
    {
        var output = Console.Out;
        var errors = Console.Error;
        if (!CommandLine.Verbs.ContainsKey(commandLine.Verb!) || commandLine.Verb == "help")
            return Usage(commandLine.Verb == "help" ? output : errors, commandLine.Verb);

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<PlatformOptions>>().Value;
        await DatabaseSetup.RunExclusiveAsync(options.DatabaseTarget, () => DatabaseSetup.MigrateAsync(services.GetRequiredService<ContentDb>()));

        switch (commandLine.Verb, commandLine.Operands)
        {
            case ("import", [var folder]):
                {
                    var result = await services.GetRequiredService<ContentImporter>()
                        .ImportAsync(Path.GetFullPath(folder), new ConsoleProgress(errors));
                    if (!result.Succeeded)
                    {
                        foreach (var problem in result.Problems)
                            errors.WriteLine(problem);
                        errors.WriteLine($"Niets ingelezen: {result.Problems.Count} probleem/problemen in {result.Problems.Select(p => p.File).Distinct().Count()} bestand(en).");
                        return 1;
                    }
                    output.WriteLine($"Ingelezen in {options.DatabaseTarget.Describe()}: {result.Files} bestanden, {result.Created} nieuw, {result.Updated} bijgewerkt, {result.Unchanged} ongewijzigd.");
                    return 0;
                }
            case ("export", [var folder]):
                {
                    var count = await services.GetRequiredService<ContentExporter>().ExportAsync(Path.GetFullPath(folder), new ConsoleProgress(errors));
                    output.WriteLine($"{count} items geschreven naar {Path.GetFullPath(folder)}.");
                    return 0;
                }
            case ("create-admin", []):
                {
                    await services.PrepareAccountsAsync();
                    var configuration = services.GetRequiredService<IConfiguration>();
                    return await AdminCommand.RunAsync(services, configuration["email"], configuration["name"],
                        Console.In, Console.IsInputRedirected, output, errors);
                }
            case ("backup" or "restore", _) when options.DatabaseTarget.Engine != DatabaseEngine.Sqlite:
                errors.WriteLine("backup en restore werken in deze versie alleen met de SQLite-database in de datamap.");
                return 1;
            case ("backup", [var file]):
                return await Backups(services, options).BackupAsync(file, output, errors);
            case ("restore", [var file]):
                await services.PrepareAccountsAsync();
                return await Backups(services, options).RestoreAsync(file, commandLine.Flags.Contains("--replace"),
                    () => SiteLock.IsHeld(options), output, errors);
            case ("copy-database", []):
                return await Moving.CopyDatabaseCommand.RunAsync(options.DatabaseTarget, services.GetRequiredService<IConfiguration>()["to"], output, errors);
            case ("reindex", []):
                {
                    var indexer = services.GetRequiredService<SearchIndexer>();
                    if (SiteLock.IsHeld(options))
                    {
                        errors.WriteLine("De zoekindex is in gebruik door een draaiende website met dezelfde datamap. Stop die eerst; bij de start bouwt de website de index zelf bij.");
                        return 1;
                    }
                    indexer.Open(); // not PrepareAsync: that would rebuild an outdated index once before this rebuild
                    var count = await indexer.RebuildAsync(new ConsoleProgress(errors), CancellationToken.None);
                    output.WriteLine($"Zoekindex opnieuw opgebouwd in {options.IndexFolder}: {count} items.");
                    return 0;
                }
            default:
                return Usage(errors, commandLine.Verb);
        }
    }

    private static Backups Backups(IServiceProvider services, PlatformOptions options) =>
        new(options, services.GetRequiredService<ContentDb>(), services.GetRequiredService<AccountsDb>(), services.GetRequiredService<TimeProvider>());

    private static int Usage(TextWriter writer, string? verb)
    {
        if (verb is not null and not "help")
            writer.WriteLine($"Onbekende opdracht of verkeerde argumenten: {verb}");
        writer.WriteLine("Gebruik: dotnet run --project src/Kennisplatform.Web -- [--data MAP] OPDRACHT");
        foreach (var line in CommandLine.Verbs.Values)
            writer.WriteLine("  " + line);
        return verb == "help" ? 0 : 2;
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
