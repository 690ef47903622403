namespace Kennisplatform.Content.Model;

public static class WebAddress
{
    /// <summary>Only absolute http(s) addresses: no javascript:, data: or relative links in content fields.</summary>
    public static bool IsValid(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
