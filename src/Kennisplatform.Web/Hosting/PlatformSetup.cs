using Kennisplatform.Content;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Hosting;

public static class PlatformSetup
{
    public static void AddPlatformOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlatformOptions>()
            .Bind(builder.Configuration.GetSection("Kennisplatform"))
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // Read when first needed, so test hosts and the command line can both set the folder.
                var data = configuration[PlatformOptions.DataKey]
                    ?? configuration[PlatformOptions.DataEnvironmentVariable]
                    ?? (options.DataFolder.Length > 0 ? options.DataFolder : SiteFolders.DefaultData());
                options.DataFolder = Path.GetFullPath(data);
                var content = configuration[PlatformOptions.ContentKey]
                    ?? (options.ContentFolder.Length > 0 ? options.ContentFolder : SiteFolders.DefaultContent());
                options.ContentFolder = Path.GetFullPath(content);
                var database = configuration[PlatformOptions.DatabaseEnvironmentVariable];
                if (database is not null)
                    options.Database = database;
                options.ChooseDatabase();
            });
    }

    public static void AddContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddContentStore(services =>
        {
            var options = services.GetRequiredService<IOptions<PlatformOptions>>().Value;
            Directory.CreateDirectory(options.DataFolder);
            return options.DatabaseTarget;
        });
    }

    /// <summary>
    /// Creates or migrates the database (content and accounts), and fills an empty one with the seed content: one node at
    /// a time, so of several nodes starting together exactly one migrates and imports.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        var options = app.Services.GetRequiredService<IOptions<PlatformOptions>>().Value;
        var log = app.Logger;
        log.LogInformation("Data folder: {Folder}; database: {Database}", options.DataFolder, options.DatabaseTarget.Describe());
        await DatabaseSetup.RunExclusiveAsync(options.DatabaseTarget, async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
            await scope.ServiceProvider.PrepareAccountsAsync(cancellationToken);
            if (!options.ImportContentWhenEmpty || await db.Items.AnyAsync(cancellationToken) || !Directory.Exists(options.ContentFolder))
                return;

            var result = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(options.ContentFolder, cancellationToken: cancellationToken);
            if (result.Succeeded)
            {
                log.LogInformation("Empty database: imported {Count} items from {Folder}", result.Created, options.ContentFolder);
                await Events.ExampleEvents.MoveIntoFutureAsync(scope.ServiceProvider);
            }
            else
                foreach (var problem in result.Problems)
                    log.LogError("Seed content not imported: {Problem}", problem.ToString());
        }, cancellationToken);
    }
}
