using Microsoft.Extensions.Primitives;

namespace Kennisplatform.Web.Hosting;

/// <summary>
/// Removes U+0000 from the query string. The character never means anything in an address; SQLite stores it and
/// PostgreSQL refuses it with an error, so removed at the door both engines see the same filter and a hostile value
/// gives a normal page. (A form field holding it never reaches a page: the framework's form reader answers 400.)
/// </summary>
public sealed class NulCharacters(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.QueryString.Value is { } query && query.Contains("%00", StringComparison.Ordinal))
            request.QueryString = QueryString.Create(request.Query.Select(pair => KeyValuePair.Create(Strip(pair.Key), Strip(pair.Value))));
        return next(context);
    }

    private static string Strip(string value) => value.Replace("\0", "", StringComparison.Ordinal);

    private static StringValues Strip(StringValues values) => new(values.Select(v => v is null ? null : Strip(v)).ToArray());
}
