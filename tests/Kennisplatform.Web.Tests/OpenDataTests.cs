using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Revisions;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

public class OpenDataTests(OpenDataTests.Factory factory) : IClassFixture<OpenDataTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private readonly HttpClient client = factory.CreatePlainClient();

    private async Task<JsonElement> JsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    [InlineData("cases", 12)]
    [InlineData("interventions", 6)]
    [InlineData("connectors", 4)]
    [InlineData("events", 5)]
    [InlineData("instruments", 3)]
    [InlineData("principles", 5)]
    [InlineData("themes", 10)]
    [InlineData("failure-patterns", 9)]
    [InlineData("pages", 6)]
    public async Task Every_type_has_a_paged_list_and_a_detail(string collection, int atLeast)
    {
        var list = await JsonAsync($"/api/v1/{collection}?pageSize=100");
        Assert.True(list.GetProperty("total").GetInt32() >= atLeast);
        Assert.Equal("CC BY 4.0", list.GetProperty("license").GetString());
        var first = list.GetProperty("items")[0];
        Assert.StartsWith("http://localhost/", first.GetProperty("url").GetString());

        var detail = await JsonAsync($"/api/v1/{collection}/{first.GetProperty("slug").GetString()}");
        Assert.Equal(first.GetProperty("title").GetString(), detail.GetProperty("title").GetString());
        Assert.True(detail.TryGetProperty("bodyHtml", out _));
        Assert.False(detail.TryGetProperty("author", out _));
        Assert.False(detail.TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Case_detail_has_its_typed_fields_and_list_filters_work()
    {
        var item = await JsonAsync("/api/v1/cases/jongerenraad-zonder-jongeren");
        Assert.Equal("mislukt", item.GetProperty("outcome").GetString());
        Assert.Equal("Almere", item.GetProperty("municipality").GetString());
        Assert.Contains("jeugd-en-onderwijs", item.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));

        var failures = await JsonAsync("/api/v1/cases?outcome=mislukt&pageSize=100");
        Assert.Equal(3, failures.GetProperty("total").GetInt32());
        var paged = await JsonAsync("/api/v1/cases?pageSize=5&page=2");
        Assert.Equal(5, paged.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/cases/bestaat-niet", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/cases?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/cases?pageSize=101", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/events?page=abc", HttpStatusCode.BadRequest)]
    public async Task Errors_are_problem_details(string url, HttpStatusCode status)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>
    /// What the API returns is what the OpenAPI document says: every field of every seed item (and of every list item)
    /// is a property of its schema, with the same JSON kind (array, text, true/false, number).
    /// </summary>
    [Fact]
    public async Task Every_field_the_api_returns_is_described_by_its_schema()
    {
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var schemas = openApi.RootElement.GetProperty("components").GetProperty("schemas");
        var problems = new List<string>();
        void Check(JsonElement value, string schemaName, string where)
        {
            var properties = schemas.GetProperty(schemaName).GetProperty("properties");
            foreach (var field in value.EnumerateObject())
            {
                if (!properties.TryGetProperty(field.Name, out var schema))
                {
                    problems.Add($"{where}: '{field.Name}' is not in schema {schemaName}");
                    continue;
                }
                var declared = schema.TryGetProperty("type", out var type)
                    ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!]
                    : [];
                var actual = field.Value.ValueKind switch
                {
                    JsonValueKind.Array => "array",
                    JsonValueKind.String => "string",
                    JsonValueKind.True or JsonValueKind.False => "boolean",
                    JsonValueKind.Number => declared.Contains("integer") ? "integer" : "number",
                    JsonValueKind.Null => "null",
                    _ => "object",
                };
                if (declared.Count > 0 && !declared.Contains(actual))
                    problems.Add($"{where}: '{field.Name}' is {actual}, schema {schemaName} says {string.Join("|", declared)}");
            }
        }
        foreach (var (collection, type) in Kennisplatform.Web.OpenData.ContentApi.Collections)
        {
            var list = await JsonAsync($"/api/v1/{collection}?pageSize=100");
            foreach (var item in list.GetProperty("items").EnumerateArray())
            {
                Check(item, Kennisplatform.Web.OpenData.ApiSchemas.ListItem, $"/api/v1/{collection} list");
                var slug = item.GetProperty("slug").GetString()!;
                Check(await JsonAsync($"/api/v1/{collection}/{slug}"), Kennisplatform.Web.OpenData.ApiSchemas.ItemName(type), $"/api/v1/{collection}/{slug}");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct()));
    }

    [Fact]
    public async Task OpenApi_document_parses_and_the_reference_page_names_every_path()
    {
        var text = await client.GetStringAsync("/openapi/v1.json");
        var result = Microsoft.OpenApi.OpenApiDocument.Parse(text, "json");
        Assert.Empty(result.Diagnostic!.Errors);
        var document = result.Document!;
        Assert.Equal("CC BY 4.0", document.Info.License!.Name);
        foreach (var collection in new[] { "cases", "interventions", "connectors", "events", "instruments", "principles", "themes", "failure-patterns", "pages" })
        {
            Assert.Contains($"/api/v1/{collection}", document.Paths.Keys);
            Assert.Contains($"/api/v1/{collection}/{{slug}}", document.Paths.Keys);
        }
        Assert.Contains("/api/v1/search", document.Paths.Keys.Select(k => k.TrimEnd('/')));

        var reference = await client.GetPageAsync("/api");
        var codes = string.Join('\n', reference.QuerySelectorAll("code").Select(c => c.TextContent));
        foreach (var path in document.Paths.Keys)
            Assert.Contains(path.TrimEnd('/'), codes);
    }

    [Fact]
    public async Task Csv_download_opens_in_Dutch_Excel()
    {
        using var response = await client.GetAsync("/api/v1/export.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("type;slug;titel;samenvatting;url", lines[0]);
        var json = await JsonAsync("/api/v1/export.json");
        Assert.Equal(json.GetProperty("items").GetArrayLength(), lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("praktijkvoorbeeld;jongerenraad-zonder-jongeren;") && l.Contains(";mislukt;"));
        Assert.Contains(lines, l => l.StartsWith("interventie;taalcafe;") && l.Contains(";goed-onderbouwd;volwassenen, nederlands-leren;"));
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
    }

    [Theory]
    [InlineData("/feeds/alles.atom")]
    [InlineData("/feeds/alles.rss")]
    [InlineData("/feeds/praktijkvoorbeelden.atom")]
    [InlineData("/feeds/bijeenkomsten.rss")]
    [InlineData("/feeds/themas/eenzaamheid.atom")]
    public async Task Feeds_parse_as_Atom_and_RSS(string url)
    {
        using var stream = await client.GetStreamAsync(url);
        using var reader = XmlReader.Create(stream);
        var feed = SyndicationFeed.Load(reader);
        Assert.NotEmpty(feed.Items);
        Assert.All(feed.Items, item => Assert.True(item.Links.Single().Uri.IsAbsoluteUri));
        if (url.Contains("praktijkvoorbeelden"))
            Assert.All(feed.Items, item => Assert.Contains("/praktijkvoorbeelden/", item.Links[0].Uri.AbsolutePath));
    }

    [Fact]
    public async Task Unknown_feed_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/feeds/bestaat-niet.atom")).StatusCode);

    [Fact]
    public async Task Event_ics_has_the_right_moment_across_daylight_saving()
    {
        var winter = Ical.Net.Calendar.Load(await client.GetStringAsync("/bijeenkomsten/nieuw-samenspel-in-de-wijk.ics"))!;
        var meeting = Assert.Single(winter.Events);
        Assert.Equal(new DateTime(2019, 1, 29, 15, 0, 0, DateTimeKind.Utc), meeting.DtStart!.AsUtc); // 16:00 in Utrecht, winter time
        Assert.Equal(new DateTime(2019, 1, 29, 18, 0, 0, DateTimeKind.Utc), meeting.DtEnd!.AsUtc);
        Assert.Equal("(Nieuw) samenspel in de wijk", meeting.Summary);

        var summer = Ical.Net.Calendar.Load(await client.GetStringAsync("/bijeenkomsten/venserpolder-dialogen.ics"))!;
        Assert.Equal(new DateTime(2023, 10, 12, 11, 30, 0, DateTimeKind.Utc), summer.Events.Single().DtStart!.AsUtc); // 13:30, summer time
        Assert.Contains("Albert Camuslaan 38", summer.Events.Single().Location);

        var dayOnly = Ical.Net.Calendar.Load(await client.GetStringAsync("/bijeenkomsten/instrumenten-wijkprofielen-1.ics"))!;
        Assert.False(dayOnly.Events.Single().DtStart!.HasTime);
    }

    [Fact]
    public async Task Agenda_lists_only_upcoming_events()
    {
        var now = factory.Clock.Now.UtcDateTime;
        var agenda = Ical.Net.Calendar.Load(await client.GetStringAsync("/bijeenkomsten/agenda.ics"))!;
        Assert.All(agenda.Events, e => Assert.True(e.DtEnd!.AsUtc > now));
        Assert.DoesNotContain(agenda.Events, e => e.Summary == "Venserpolder Dialogen");
    }

    [Fact]
    public async Task Event_and_case_pages_carry_schema_org_json_ld()
    {
        var eventPage = await client.GetPageAsync("/bijeenkomsten/nieuw-samenspel-in-de-wijk");
        var json = JsonDocument.Parse(eventPage.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("https://schema.org", json.GetProperty("@context").GetString());
        Assert.Equal("Event", json.GetProperty("@type").GetString());
        Assert.Equal("2019-01-29T16:00:00+01:00", json.GetProperty("startDate").GetString());
        Assert.Equal("Place", json.GetProperty("location").GetProperty("@type").GetString());

        var casePage = await client.GetPageAsync("/praktijkvoorbeelden/buurtkamer-de-linde");
        var article = JsonDocument.Parse(casePage.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Article", article.GetProperty("@type").GetString());
        Assert.Equal("Een buurtkamer tegen eenzaamheid in De Linde", article.GetProperty("headline").GetString());
        Assert.True(DateTimeOffset.TryParse(article.GetProperty("datePublished").GetString(), out _));
    }

    [Fact]
    public async Task Pages_have_canonical_links_and_open_graph_tags()
    {
        var page = await client.GetPageAsync("/praktijkvoorbeelden/buurtkamer-de-linde?utm=x");
        Assert.Equal("http://localhost/praktijkvoorbeelden/buurtkamer-de-linde", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Contains("buurtkamer", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='application/atom+xml']"));
    }

    [Fact]
    public async Task Sitemap_lists_every_published_item_and_robots_points_to_it()
    {
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Descendants(ns + "loc").Select(l => l.Value).ToList();
        var export = await JsonAsync("/api/v1/export.json");
        foreach (var item in export.GetProperty("items").EnumerateArray())
            Assert.Contains(item.GetProperty("url").GetString(), locations);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", await client.GetStringAsync("/robots.txt"));
    }

    [Fact]
    public async Task Fingerprinted_assets_are_cached_for_a_year_and_pages_are_compressed()
    {
        var home = await client.GetPageAsync("/");
        var css = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Contains("?v=", css);
        using var asset = await client.GetAsync(css);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl!.ToString());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/praktijkvoorbeelden");
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var compressed = await client.SendAsync(request);
        Assert.Equal("br", compressed.Content.Headers.ContentEncoding.Single());
    }

    [Fact]
    public async Task Cached_pages_change_as_soon_as_content_is_published()
    {
        var before = await client.GetPageAsync("/praktijkvoorbeelden?uitkomst=te-vroeg");
        Assert.DoesNotContain("/praktijkvoorbeelden/cache-proef", before.Links(".card__title a"));
        await client.GetPageAsync("/praktijkvoorbeelden?uitkomst=te-vroeg"); // asked twice: now in the cache

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var item = new Case { Title = "Cache proef", Outcome = CaseOutcome.TooEarly };
            item.Publish(factory.Clock.Now.UtcDateTime.AddMinutes(-1));
            Assert.Equal(SaveOutcome.Saved, (await scope.ServiceProvider.GetRequiredService<ContentStore>().SaveAsync(item, "test", 0)).Outcome);
        }

        var after = await client.GetPageAsync("/praktijkvoorbeelden?uitkomst=te-vroeg");
        Assert.Contains("/praktijkvoorbeelden/cache-proef", after.Links(".card__title a"));
    }

    [Fact]
    public async Task A_page_that_depends_on_its_query_string_is_cached_from_its_second_request()
    {
        async Task<bool> FromCacheAsync(string url)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.Headers.Age is not null;
        }

        // A search typed once is not stored; asked again it is, and the third time it comes from the cache.
        Assert.False(await FromCacheAsync("/zoeken?q=buurtkamer+eenzaamheid"));
        Assert.False(await FromCacheAsync("/zoeken?q=buurtkamer+eenzaamheid"));
        Assert.True(await FromCacheAsync("/zoeken?q=buurtkamer+eenzaamheid"));
        Assert.False(await FromCacheAsync("/zoeken?q=buurtkamer+ouderen"));
        // A page without a query string is stored at once.
        Assert.False(await FromCacheAsync("/themas"));
        Assert.True(await FromCacheAsync("/themas"));
    }
}
