using System.IO.Compression;
using Kennisplatform.Content.Changes;
using Kennisplatform.Web.Search;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.OpenApi;

namespace Kennisplatform.Web.OpenData;

public static class OpenDataSetup
{
    /// <summary>Every cached public response carries this tag; one event empties them all.</summary>
    public const string CacheTag = "content";

    public static void AddOpenData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Kennisplatform wijken: open data";
            document.Info.Description = "Alle gepubliceerde kennis van het platform, alleen-lezen. Licentie: CC BY 4.0, tenzij een item anders vermeldt.";
            document.Info.License = new() { Name = "CC BY 4.0", Url = new Uri("https://creativecommons.org/licenses/by/4.0/") };
            foreach (var server in document.Servers ?? [])
                server.Url = server.Url?.TrimEnd('/');
            // Every GET also answers HEAD (AllowedMethods), as HTTP expects; listing each twice would give two operations one id.
            foreach (var path in document.Paths.Values)
                path.Operations?.Remove(HttpMethod.Head);
            document.Tags = new HashSet<OpenApiTag>
            {
                new() { Name = "Open data", Description = "Gepubliceerde inhoud per soort, elk item apart, en alles in één download (JSON of CSV)." },
                new() { Name = "Zoeken", Description = "Zoeken in alle gepubliceerde inhoud, met facetten, en aanvullingen tijdens het typen." },
            };
            ApiSchemas.Describe(document);
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, _, _) =>
        {
            // Everything here is public: an empty requirement says "no authentication" to clients and linters alike.
            operation.Security = [new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        }));
        builder.Services.AddOptions<CacheOptions>().Bind(builder.Configuration.GetSection("Kennisplatform:Cache"));
        // A bounded cache: the least used copies go first, and a response bigger than the limit is never kept (exports).
        builder.Services.AddOptions<OutputCacheOptions>().Configure<Microsoft.Extensions.Options.IOptions<CacheOptions>>((options, limits) =>
        {
            options.SizeLimit = limits.Value.SizeLimitMegabytes * 1024L * 1024;
            options.MaximumBodySize = limits.Value.MaximumBodyKilobytes * 1024L;
        });
        builder.Services.AddOutputCache(options =>
        {
            options.AddBasePolicy(policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                .With(context => !context.HttpContext.Request.Path.StartsWithSegments("/beheer") && !context.HttpContext.Request.Path.StartsWithSegments("/media"))
                // Absolute addresses come from the configured public address, not from the Host header: one copy for every host.
                .SetVaryByHost(PublicUrls.FromRequest(builder.Configuration))
                // The key holds the content version (raised when a save commits) and the index generation (raised when
                // changes reach search). A response built from older data is stored under a key no request asks for
                // again, so no race between a save and a request in flight can leave a stale page in the cache.
                .VaryByValue(context => new KeyValuePair<string, string>("version",
                    $"{context.RequestServices.GetRequiredService<ContentChangeSignal>().Version}:{context.RequestServices.GetRequiredService<SearchIndexer>().Generation}"))
                .Tag(CacheTag));
            options.AddBasePolicy(new VaryByQueryKeysRead());
        });
        builder.Services.AddResponseCompression(options =>
        {
            // Public pages hold no secrets, so compressing them over HTTPS gives BREACH nothing to find.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/atom+xml", "application/rss+xml", "text/calendar", "image/svg+xml", "application/problem+json"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
    }

    /// <summary>
    /// A publish, an unpublish or a scheduled item coming due empties the cache of public responses. Correctness comes
    /// from the versioned cache key; this only frees the memory of entries no request will ask for again.
    /// </summary>
    public static void EvictCacheOnChanges(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        // Raised on the saving or indexing thread: eviction runs on its own and never blocks a save.
        void Evict() => _ = EvictAsync();
        async Task EvictAsync()
        {
            try
            {
                await store.EvictByTagAsync(CacheTag, CancellationToken.None);
            }
            catch (Exception e)
            {
                app.Logger.LogWarning(e, "Emptying the output cache failed; the versioned cache key keeps responses correct");
            }
        }
        app.Services.GetRequiredService<ContentChangeSignal>().Raised += Evict;
        app.Services.GetRequiredService<SearchIndexer>().Applied += Evict;
    }

    public static void MapOpenData(this IEndpointRouteBuilder app)
    {
        if (app is WebApplication web)
            PublicUrls.WarnWhenNotConfigured(web);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapContentApi();
        app.MapFeeds();
        app.MapCalendar();
        app.MapSitemap();
    }
}
