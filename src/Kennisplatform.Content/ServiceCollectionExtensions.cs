using Kennisplatform.Content.Files;
using Kennisplatform.Content.Rendering;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kennisplatform.Content;

public static class ServiceCollectionExtensions
{
    /// <summary>The content store on the database <paramref name="database"/> gives, asked once when the store is first used.</summary>
    public static IServiceCollection AddContentStore(this IServiceCollection services, Func<IServiceProvider, DatabaseTarget> database)
    {
        // Both engines' contexts are registered; the target, read lazily so test hosts can set it, picks the one used.
        services.AddDbContextPool<SqliteContentDb>((provider, options) => database(provider).Configure(options));
        services.AddDbContextPool<PostgreSqlContentDb>((provider, options) => database(provider).Configure(options));
        services.AddScoped<ContentDb>(provider => database(provider).Engine == DatabaseEngine.Sqlite
            ? provider.GetRequiredService<SqliteContentDb>()
            : provider.GetRequiredService<PostgreSqlContentDb>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<Changes.ContentChangeSignal>();
        services.AddScoped<ContentStore>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        services.AddScoped<Limits.RateLimits>();
        return services;
    }
}
