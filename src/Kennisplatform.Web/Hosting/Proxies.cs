using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kennisplatform.Web.Hosting;

/// <summary>
/// Behind a load balancer every request comes from the balancer. Its X-Forwarded-For (the client's address, for the
/// limits per address) and X-Forwarded-Proto (https, for secure cookies and absolute addresses) are believed only when
/// the request comes from an address listed in <see cref="ConfigKey"/>; without that setting they are ignored, so
/// nobody can claim another address or https by sending the headers themselves.
/// </summary>
public static class Proxies
{
    /// <summary>Addresses or networks of the proxies, separated by commas or spaces: "127.0.0.1", "10.0.0.0/8, ::1".</summary>
    public const string ConfigKey = "Kennisplatform:Proxies";

    public static void UseProxies(this WebApplication app)
    {
        var options = Options(app.Configuration[ConfigKey]);
        if (options is not null)
            app.UseForwardedHeaders(options);
    }

    /// <summary>The middleware's options for <paramref name="setting"/>; null when no proxy is configured.</summary>
    public static ForwardedHeadersOptions? Options(string? setting)
    {
        var entries = (setting ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
            return null;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Walk X-Forwarded-For from the right for as long as the hops are our own proxies: the first other address is the client.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries)
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network))
                options.KnownIPNetworks.Add(network);
            else if (IPAddress.TryParse(entry, out var address))
                options.KnownProxies.Add(address);
            else
                throw new InvalidOperationException(
                    $"De instelling {ConfigKey} bevat '{entry}'. Geef IP-adressen of netwerken van de proxy's, gescheiden door komma's, bijvoorbeeld 127.0.0.1 of 10.0.0.0/8.");
        }
        return options;
    }
}
