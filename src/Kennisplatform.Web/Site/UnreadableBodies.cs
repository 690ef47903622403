using Microsoft.Net.Http.Headers;

namespace Kennisplatform.Web.Site;

/// <summary>
/// A request whose body announces a character set we cannot (UTF-7, on purpose: it is unsafe) or do not know how to
/// read gets 415 before anything tries to read it; the form reader would otherwise throw on GET and POST alike.
/// </summary>
public sealed class UnreadableBodies(RequestDelegate next)
{
    private const int Utf7CodePage = 65000;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType is { Length: > 0 } type && !Readable(type)
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static bool Readable(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
            return true; // not a form, so no one reads it as one
        if (!media.Charset.HasValue)
            return true;
        try
        {
            return media.Encoding is { CodePage: not Utf7CodePage };
        }
        catch (NotSupportedException)
        {
            return false; // UTF-7, which .NET refuses outright
        }
    }
}
