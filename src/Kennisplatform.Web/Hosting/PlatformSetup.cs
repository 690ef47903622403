using Kennisplatform.Content;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Storage;
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
            });
    }

    public static void AddContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddContentStore(services =>
        {
            var options = services.GetRequiredService<IOptions<PlatformOptions>>().Value;
            Directory.CreateDirectory(options.DataFolder);
            return options.DatabasePath;
        });
    }

    /// <summary>Creates or migrates the database, and fills an empty one with the seed content.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
        await DatabaseSetup.MigrateAsync(db);

        var options = scope.ServiceProvider.GetRequiredService<IOptions<PlatformOptions>>().Value;
        var log = app.Logger;
        log.LogInformation("Data folder: {Folder}", options.DataFolder);
        if (!options.ImportContentWhenEmpty || await db.Items.AnyAsync() || !Directory.Exists(options.ContentFolder))
            return;

        var result = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(options.ContentFolder);
        if (result.Succeeded)
            log.LogInformation("Empty database: imported {Count} items from {Folder}", result.Created, options.ContentFolder);
        else
            foreach (var problem in result.Problems)
                log.LogError("Seed content not imported: {Problem}", problem.ToString());
    }
}
