using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kennisplatform.Web.Tests;

[CollectionDefinition(nameof(BoundedResourceTests), DisableParallelization = true)]
public sealed class MeasuredAlone;

/// <summary>
/// Cheap anonymous traffic must not grow the process: the response cache keeps one copy per combination of the query
/// keys a page reads, within its size limit. Measured in this test process, alone (no other test class runs beside it).
/// </summary>
[Collection(nameof(BoundedResourceTests))]
public class BoundedResourceTests(HostileRequestTests.Factory factory) : IClassFixture<HostileRequestTests.Factory>
{
    private const int Requests = 2_000;
    /// <summary>The stated bound: what the heap may keep after all requests, over what it kept before (cache limit 32 MB).</summary>
    private const long BoundBytes = 64L * 1024 * 1024;

    [Fact]
    public async Task Two_thousand_cache_busting_requests_to_every_cached_endpoint_keep_memory_under_the_bound()
    {
        var routes = (await HostileRequestTests.RoutesAsync(factory))
            .Where(r => r.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Where(r => !r.Path.StartsWith("/beheer", StringComparison.Ordinal) && !r.Path.StartsWith("/media", StringComparison.Ordinal))
            .Select(r => r.Path).ToList();
        Assert.Contains("/api/v1/export.json", routes);
        Assert.Contains("/sitemap.xml", routes);
        var client = factory.CreatePlainClient();
        foreach (var path in routes)
            (await client.GetAsync(path)).Dispose();
        var before = Retained();

        // A key no page reads, a new value every time; and the keys search does read, with new values.
        var busting = routes.Select(path => (Func<int, string>)(n => $"{path}{(path.Contains('?') ? '&' : '?')}x={n}"))
            .Append(n => $"/zoeken?q=buurt{n}").Append(n => $"/api/v1/search?q=wijk{n}");
        foreach (var url in busting)
            for (var n = 0; n < Requests; n += 8)
                foreach (var response in await Task.WhenAll(Enumerable.Range(n, 8).Select(i => client.GetAsync(url(i)))))
                {
                    Assert.True((int)response.StatusCode < 500, $"{url(n)}: {(int)response.StatusCode}");
                    response.Dispose();
                }

        var growth = Retained() - before;
        Assert.True(growth < BoundBytes, $"the heap kept {growth / 1024 / 1024} MB more after {Requests} cache-busting requests to each of {routes.Count + 2} endpoints");
    }

    private static long Retained()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    [Fact]
    public async Task A_forged_Host_header_never_reaches_absolute_addresses()
    {
        var client = factory.CreatePlainClient();
        foreach (var path in new[] { "/sitemap.xml", "/robots.txt", "/feeds/alles.atom", "/api/v1/cases", "/api/v1/export.json", "/" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "evil.example";
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
        }
    }
}
