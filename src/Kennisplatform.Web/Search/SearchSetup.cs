namespace Kennisplatform.Web.Search;

public static class SearchSetup
{
    public static void AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IndexingOptions>().BindConfiguration(IndexingOptions.Section);
        builder.Services.AddSingleton<BuildSearchDocument>(SearchDocuments.From);
        builder.Services.AddSingleton<SearchSynonyms>();
        builder.Services.AddSingleton<SearchIndexer>();
        builder.Services.AddSingleton<FacetLabelCache>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SearchIndexer>());
    }

    /// <summary>Opens the index before the first request, rebuilding it when needed.</summary>
    public static Task PrepareSearchAsync(this WebApplication app, CancellationToken cancellationToken) =>
        app.Services.GetRequiredService<SearchIndexer>().PrepareAsync(cancellationToken);
}
