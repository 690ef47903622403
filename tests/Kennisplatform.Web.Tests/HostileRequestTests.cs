using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// Requests a client can make but a browser would not: every method, odd headers and malformed form values, sent to
/// every endpoint of the routing table (so a new page or API is covered without anyone listing it). None may answer
/// with a server error; a method an endpoint does not support gets 405 with Allow, and HEAD works wherever GET does.
/// </summary>
public class HostileRequestTests(HostileRequestTests.Factory factory) : IClassFixture<HostileRequestTests.Factory>
{
    /// <summary>The site, telling in a response header which endpoint answered (so each route gets a path that reaches it).</summary>
    public sealed class Factory : SiteFactory
    {
        public const string EndpointHeader = "X-Test-Endpoint";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, NameTheEndpoint>());
        }

        private sealed class NameTheEndpoint : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Response.OnStarting(() =>
                    {
                        if (context.GetEndpoint() is RouteEndpoint endpoint)
                            context.Response.Headers[EndpointHeader] = endpoint.RoutePattern.RawText;
                        return Task.CompletedTask;
                    });
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "BREW"];

    private static List<RouteEndpoint> Endpoints(Factory factory) => factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .GroupBy(e => e.RoutePattern.RawText).Select(g => g.First()).ToList();

    private Task<List<(RouteEndpoint Endpoint, string Path)>> RoutesAsync() => RoutesAsync(factory);

    /// <summary>
    /// For each route, a path that reaches it: a published address from the sitemap when one is routed there (so detail
    /// pages are shown, not only their 404), otherwise the template with plain values.
    /// </summary>
    internal static async Task<List<(RouteEndpoint Endpoint, string Path)>> RoutesAsync(Factory factory)
    {
        var client = factory.CreatePlainClient();
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        var published = Regex.Matches(sitemap, "<loc>([^<]+)</loc>").Select(m => new Uri(m.Groups[1].Value).AbsolutePath).Reverse().ToList();
        var routes = new List<(RouteEndpoint, string)>();
        foreach (var endpoint in Endpoints(factory))
        {
            var template = endpoint.RoutePattern.RawText!;
            var matcher = new TemplateMatcher(TemplateParser.Parse(template.TrimStart('/')), new RouteValueDictionary());
            string? path = null;
            foreach (var candidate in published.Where(p => matcher.TryMatch(p, new RouteValueDictionary())).Take(8))
            {
                using var response = await client.GetAsync(candidate);
                if (response.Headers.TryGetValues(Factory.EndpointHeader, out var answered) && answered.Single() == template)
                {
                    path = candidate;
                    break;
                }
            }
            routes.Add((endpoint, path ?? Fill(template)));
        }
        return routes;
    }

    private static string Fill(string template) =>
        "/" + Regex.Replace(template.TrimStart('/'), @"\{\*?(\w+)[^}]*\}", m => m.Groups[1].Value switch
        {
            "id" or "key" or "code" => "1",
            "documentName" => "v1",
            "format" => "atom",
            _ => "iets",
        });

    [Fact]
    public async Task Every_method_on_every_route_gets_an_answer_405_with_Allow_where_unsupported_and_HEAD_like_GET()
    {
        var routes = await RoutesAsync();
        Assert.True(routes.Count >= 30, $"only {routes.Count} routes found");
        var client = factory.CreatePlainClient();
        var failures = new List<string>();
        foreach (var (endpoint, path) in routes)
        {
            var allowed = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            using var get = await client.GetAsync(path);
            foreach (var method in Methods)
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                var status = (int)response.StatusCode;
                // A path can match a second route that does take the method (/beheer/inhoud/1/voorbeeld also fits
                // /beheer/inhoud/{key}/{type?}); then that route answers.
                var elsewhere = response.Headers.TryGetValues(Factory.EndpointHeader, out var answered) && answered.Single() != endpoint.RoutePattern.RawText;
                if (status >= 500)
                    failures.Add($"{method} {path}: {status}");
                else if (method == "OPTIONS" && allowed is not null)
                {
                    // The router answers OPTIONS itself with the methods it accepts.
                    if (!response.Content.Headers.Allow.Contains("GET"))
                        failures.Add($"OPTIONS {path}: {status} without GET in Allow");
                }
                else if (allowed is not null && !allowed.Contains(method) && status != 405 && !elsewhere)
                    failures.Add($"{method} {path}: {status}, expected 405 (allowed: {string.Join(", ", allowed)})");
                else if (status == 405 && !response.Content.Headers.Allow.Contains("GET"))
                    failures.Add($"{method} {path}: 405 without GET in Allow ({string.Join(", ", response.Content.Headers.Allow)})");
                else if (method == "HEAD" && response.StatusCode != get.StatusCode)
                    failures.Add($"HEAD {path}: {status}, GET gave {(int)get.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>Header values a browser never sends: character sets nobody can read, broken cookies, ranges and dates.</summary>
    private static readonly (string Name, string Value)[] OddHeaders =
    [
        ("Content-Type", "application/x-www-form-urlencoded; charset=utf-7"),
        ("Content-Type", "application/x-www-form-urlencoded; charset=klingon"),
        ("Content-Type", "multipart/form-data"),
        ("Content-Type", "multipart/form-data; boundary="),
        ("Content-Type", "text/plain; charset=utf-32"),
        ("Content-Type", "application/json; charset=\""),
        ("Content-Type", ";;;"),
        ("Accept", "*/*;q=abc, text/html;q=-1"),
        ("Accept-Language", "☃, nl;q=2, *;q=x"),
        ("Accept-Encoding", "br;q=x, gzip;q=-1, ☃"),
        ("Accept-Charset", "utf-7"),
        ("Cookie", "kennisplatform.beheer=%%%; .AspNetCore.Antiforgery.x=@@@; =; ;"),
        ("If-Modified-Since", "gisteren"),
        ("If-None-Match", "\"\"\""),
        ("Range", "bytes=abc-def"),
        ("X-Forwarded-For", "niet-een-adres, ::::"),
        ("X-Forwarded-Proto", "gopher"),
        ("X-HTTP-Method-Override", "DELETE"),
        ("Origin", "null"),
        ("Authorization", "Basic ☃☃☃"),
    ];

    [Fact]
    public async Task Odd_headers_on_every_route_and_every_form_never_give_a_server_error()
    {
        var routes = await RoutesAsync();
        var client = factory.CreatePlainClient();
        var failures = new List<string>();
        foreach (var (_, path) in routes)
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
                foreach (var (name, value) in OddHeaders)
                {
                    var request = new HttpRequestMessage(method, path);
                    if (name == "Content-Type")
                    {
                        request.Content = new ByteArrayContent("a=1&b=%ZZ&c"u8.ToArray());
                        request.Content.Headers.TryAddWithoutValidation(name, value);
                    }
                    else
                        request.Headers.TryAddWithoutValidation(name, value);
                    using var response = await client.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{method} {path} with {name}: {value} gave {(int)response.StatusCode}");
                }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task A_form_in_an_unreadable_character_set_gets_415_on_GET_and_POST()
    {
        var client = factory.CreatePlainClient();
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
        {
            var request = new HttpRequestMessage(method, "/deel-je-ervaring") { Content = new ByteArrayContent("Title=x"u8.ToArray()) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-7");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("/bijeenkomsten?thema=%00")]
    [InlineData("/zoeken?q=buurt%00huis&type=%00")]
    [InlineData("/api/v1/cases?theme=eenzaam%00heid&outcome=%00")]
    [InlineData("/api/v1/cases?theme=a%00b", HttpStatusCode.BadRequest)]
    public async Task A_nul_character_in_the_query_gives_a_normal_page_on_both_engines(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        // The API names an unknown filter value in a 400; a nul character must not turn either answer into a 500.
        using var response = await factory.CreatePlainClient().GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_nul_character_in_a_form_field_is_refused_before_any_page_reads_it()
    {
        using var response = await SiteFactory.SignInAsync(factory.NewBrowser(), "nie\0mand@example.org", "een wachtwoord");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Dit verzoek begrijpen we niet", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_error_page_opened_directly_is_an_ordinary_page()
    {
        using var response = await factory.CreatePlainClient().GetAsync("/fout");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Er ging iets mis", await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Every POST handler of every page (public and back office), found from the routing table, with every value it
    /// binds (properties and parameters, found from the compiled page) set to values that do not fit their type.
    /// </summary>
    [Fact]
    public async Task Malformed_values_for_every_bound_field_of_every_form_never_give_a_server_error()
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var forms = new List<(string Path, string Handler, bool Open, List<(string Name, Type Type)> Fields)>();
        foreach (var (endpoint, path) in await RoutesAsync())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
                continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var open = !path.StartsWith("/beheer", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var properties = compiled.BoundProperties.SelectMany(p => Fields(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType)).ToList();
            foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod.Equals("POST", StringComparison.OrdinalIgnoreCase)))
                forms.Add((path, handler.Name ?? "", open,
                    [.. properties, .. handler.Parameters.SelectMany(p => Fields(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType))]));
        }
        Assert.Contains(forms, f => f.Path == "/deel-je-ervaring" && f.Fields.Any(x => x.Name == "MayContact"));
        Assert.Contains(forms, f => f.Path.StartsWith("/beheer/inhoud/", StringComparison.Ordinal));

        var admin = (await factory.SignedInAsync(Roles.Administrator)).Browser;
        var adminToken = await SiteFactory.TokenAsync(admin, "/beheer");
        var stranger = factory.NewBrowser();
        var strangerToken = await SiteFactory.TokenAsync(stranger, "/deel-je-ervaring");
        var failures = new List<string>();
        foreach (var (path, handler, open, fields) in forms)
        {
            var (browser, token) = open ? (stranger, strangerToken) : (admin, adminToken);
            var url = handler.Length > 0 ? $"{path}?handler={handler}" : path;
            for (var variant = 0; variant < Malformed.Length; variant++)
            {
                var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, Malformed[variant](f.Type))).ToList();
                values.AddRange(fields.Take(3).Select(f => new KeyValuePair<string, string>(f.Name, "nog een"))); // the same name twice
                values.Add(new("__RequestVerificationToken", token));
                using var response = await browser.PostAsync(url, new FormUrlEncodedContent(values));
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{url} ({(open ? "anonymous" : "beheerder")}), variant {variant}: {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>Form names of a bound value: itself, or the properties of a bound object (one level deep).</summary>
    private static IEnumerable<(string, Type)> Fields(string name, Type type)
    {
        if (type == typeof(string) || type.IsValueType || typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
            || typeof(IFormFile).IsAssignableFrom(type) || type == typeof(CancellationToken))
            return type == typeof(CancellationToken) ? [] : [(name, type)];
        return type.GetProperties().Where(p => p.CanWrite).Select(p => ($"{name}.{p.Name}", p.PropertyType));
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static readonly Func<Type, string>[] Malformed =
    [
        type => Underlying(type) switch
        {
            var t when t == typeof(bool) => "misschien",
            var t when t.IsEnum => "999",
            var t when t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(DateTimeOffset) => "31-02-2026",
            var t when t.IsPrimitive || t == typeof(decimal) => "twaalf",
            _ => "<script>alert(1)</script>\u0000'; drop table Items; --",
        },
        type => Underlying(type) switch
        {
            var t when t == typeof(bool) => "true,false,ja",
            var t when t.IsEnum => "-1",
            var t when t.IsPrimitive || t == typeof(decimal) => "99999999999999999999999999",
            var t when t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(DateTimeOffset) => "0000-00-00T25:61",
            _ => new string('ä', 20_000),
        },
        _ => "",
        _ => "{\"$type\":\"System.IO.FileInfo\"} ../../etc/passwd %00 \uFFFF",
    ];
}
