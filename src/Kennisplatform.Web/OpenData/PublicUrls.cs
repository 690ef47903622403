using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kennisplatform.Web.OpenData;

/// <summary>
/// Absolute addresses for feeds, sitemaps, the API and canonical links. They come from the configured public address
/// (<c>Kennisplatform:PublicUrl</c>); from the request's Host header only when <c>AllowedHosts</c> limits which hosts
/// are answered at all, since anyone can send any Host; otherwise from the address the server listens on.
/// </summary>
public static class PublicUrls
{
    public const string ConfigKey = "Kennisplatform:PublicUrl";

    /// <summary>Whether addresses follow the request's host: no public address configured, and the hosts restricted.</summary>
    public static bool FromRequest(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[ConfigKey]) && configuration["AllowedHosts"] is { Length: > 0 } hosts && hosts.Trim() != "*";

    public static string Base(HttpContext context)
    {
        var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
        if (configuration[ConfigKey] is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured))
            return configured.Trim().TrimEnd('/');
        if (FromRequest(configuration))
            return $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}".TrimEnd('/');
        return ListeningAddress(context.RequestServices) + context.Request.PathBase;
    }

    public static string Absolute(HttpContext context, string path) => Base(context) + path;

    /// <summary>
    /// The base outside a request (a background job's mail): the configured public address, else the address the
    /// server listens on; there is no Host header to follow.
    /// </summary>
    public static string Base(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>()[ConfigKey] is { } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim().TrimEnd('/')
            : ListeningAddress(services);

    /// <summary>The first address the server listens on, with a wildcard host read as localhost.</summary>
    private static string ListeningAddress(IServiceProvider services)
    {
        var server = services.GetService<IServer>();
        if (server is not null && Listening.TryGetValue(server, out var known))
            return known;
        var address = server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost"), UriKind.Absolute, out var uri))
            return "http://localhost";
        // A started server keeps its addresses: worked out once per server, not once per page.
        var found = uri.GetLeftPart(UriPartial.Authority);
        Listening.AddOrUpdate(server!, found);
        return found;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IServer, string> Listening = new();

    /// <summary>Says at start-up where absolute addresses come from when nothing is configured.</summary>
    public static void WarnWhenNotConfigured(WebApplication app)
    {
        if (string.IsNullOrWhiteSpace(app.Configuration[ConfigKey]) && !FromRequest(app.Configuration))
            app.Logger.LogWarning("No public address configured: feeds, the sitemap and the API use the address the server listens on. Set {Key} (or restrict AllowedHosts) to the address visitors use.", ConfigKey);
    }
}
