using System.Net;
using AngleSharp.Html.Parser;
using Kennisplatform.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Kennisplatform.Web.Tests;

/// <summary>X-Forwarded-For and X-Forwarded-Proto count only when they come from a configured proxy.</summary>
public class ProxyTests(ProxyTests.Factory factory) : IClassFixture<ProxyTests.Factory>
{
    private static readonly IPAddress Balancer = IPAddress.Parse("10.0.0.5");
    private static readonly IPAddress Stranger = IPAddress.Parse("192.0.2.77");

    public sealed class Factory : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(Proxies.ConfigKey, "10.0.0.0/29, 127.0.0.1");
            // Absolute addresses follow the request (and so the proxy's scheme) only when the hosts are restricted.
            builder.UseSetting("AllowedHosts", "localhost");
            builder.UseSetting("Kennisplatform:Submissions:PerHour", "1");
        }
    }

    /// <summary>A browser whose connection comes from <paramref name="from"/>, sending <paramref name="headers"/> on every request.</summary>
    private HttpClient From(IPAddress from, params (string Name, string Value)[] headers)
    {
        var client = new HttpClient(new CookieContainerHandler
        {
            InnerHandler = factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = from),
        })
        { BaseAddress = new Uri("http://localhost") };
        foreach (var (name, value) in headers)
            client.DefaultRequestHeaders.Add(name, value);
        return client;
    }

    private async Task<HttpStatusCode> SubmitAsync(HttpClient browser, string title)
    {
        var form = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync("/deel-je-ervaring"));
        var fields = SubmissionTests.Story(title);
        fields["__RequestVerificationToken"] = form.QuerySelector("form.submission-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields["Stamp"] = form.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!;
        factory.Clock.Now = factory.Clock.Now.AddSeconds(30);
        return (await browser.PostAsync("/deel-je-ervaring", new FormUrlEncodedContent(fields))).StatusCode;
    }

    [Fact]
    public async Task Limit_per_address_counts_the_client_behind_the_proxy()
    {
        Assert.Equal(HttpStatusCode.Redirect, await SubmitAsync(From(Balancer, ("X-Forwarded-For", "203.0.113.1")), "Eerste buur"));
        Assert.Equal(HttpStatusCode.Redirect, await SubmitAsync(From(Balancer, ("X-Forwarded-For", "203.0.113.2")), "Tweede buur"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SubmitAsync(From(Balancer, ("X-Forwarded-For", "203.0.113.1")), "Eerste buur weer"));
    }

    [Fact]
    public async Task Forwarded_address_from_anyone_else_is_ignored()
    {
        Assert.Equal(HttpStatusCode.Redirect, await SubmitAsync(From(Stranger, ("X-Forwarded-For", "203.0.113.50")), "Vreemde een"));
        // A new claimed address does not buy a new allowance: the limit holds for the real connection.
        Assert.Equal(HttpStatusCode.TooManyRequests, await SubmitAsync(From(Stranger, ("X-Forwarded-For", "203.0.113.51")), "Vreemde twee"));
    }

    [Fact]
    public async Task Https_at_the_proxy_gives_secure_cookies_and_https_addresses()
    {
        var viaProxy = From(Balancer, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.9"));
        Assert.Contains("Sitemap: https://localhost/sitemap.xml", await viaProxy.GetStringAsync("/robots.txt"));
        var signIn = await viaProxy.GetAsync("/beheer/inloggen");
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var direct = From(Stranger, ("X-Forwarded-Proto", "https"));
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", await direct.GetStringAsync("/robots.txt"));
        var plain = await direct.GetAsync("/beheer/inloggen");
        Assert.DoesNotContain(plain.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void No_setting_means_no_proxy_is_believed(string setting) => Assert.Null(Proxies.Options(setting));

    [Fact]
    public void Setting_takes_addresses_and_networks_and_refuses_anything_else()
    {
        var options = Proxies.Options("127.0.0.1, ::1 10.0.0.0/8")!;
        Assert.Equal(2, options.KnownProxies.Count);
        Assert.Single(options.KnownIPNetworks);
        var refused = Assert.Throws<InvalidOperationException>(() => Proxies.Options("127.0.0.1, nginx.local"));
        Assert.Contains("'nginx.local'", refused.Message);
    }
}
