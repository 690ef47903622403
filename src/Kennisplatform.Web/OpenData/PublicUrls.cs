using Kennisplatform.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.OpenData;

/// <summary>Absolute addresses for feeds, sitemaps and canonical links: the configured public address, or the request's own.</summary>
public static class PublicUrls
{
    public static string Base(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<PlatformOptions>>().Value.PublicUrl;
        return (string.IsNullOrWhiteSpace(configured) ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}" : configured).TrimEnd('/');
    }

    public static string Absolute(HttpContext context, string path) => Base(context) + path;
}
