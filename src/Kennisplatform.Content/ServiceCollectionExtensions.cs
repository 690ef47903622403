using Kennisplatform.Content.Files;
using Kennisplatform.Content.Rendering;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kennisplatform.Content;

public static class ServiceCollectionExtensions
{
    /// <summary>The content store on SQLite at the path <paramref name="databasePath"/> gives, asked once when the store is first used.</summary>
    public static IServiceCollection AddContentStore(this IServiceCollection services, Func<IServiceProvider, string> databasePath)
    {
        services.AddDbContextPool<ContentDb>((provider, options) =>
            options.UseSqlite(new SqliteConnectionStringBuilder { DataSource = databasePath(provider), Pooling = true }.ToString()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<Changes.ContentChangeSignal>();
        services.AddScoped<ContentStore>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        return services;
    }
}
