using System.Net;
using System.Text.Json;
using Kennisplatform.Web.OpenData;
using Kennisplatform.Web.Site;

namespace Kennisplatform.Web.Tests;

/// <summary>Open data says every moment with its offset, refuses what it does not know, and marks invented items.</summary>
public class OpenDataRulesTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient client = factory.CreatePlainClient();

    private const string IsoWithOffset = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$";

    [Fact]
    public async Task Every_moment_in_json_and_csv_is_iso_8601_with_its_offset()
    {
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/events?pageSize=100"));
        foreach (var item in list.RootElement.GetProperty("items").EnumerateArray())
        {
            Assert.Matches(IsoWithOffset, item.GetProperty("published").GetString());
            Assert.True(item.GetProperty("fictional").ValueKind is JsonValueKind.True or JsonValueKind.False);
            using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/events/{item.GetProperty("slug").GetString()}"));
            Assert.Matches(IsoWithOffset, detail.RootElement.GetProperty("starts").GetString());
            Assert.Matches(IsoWithOffset, detail.RootElement.GetProperty("ends").GetString());
        }
        using var venserpolder = JsonDocument.Parse(await client.GetStringAsync("/api/v1/events/venserpolder-dialogen"));
        Assert.Equal("2023-10-12T13:30:00+02:00", venserpolder.RootElement.GetProperty("starts").GetString()); // summer time in Amsterdam

        var csv = (await client.GetStringAsync("/api/v1/export.csv")).Split("\r\n");
        var header = csv[0].TrimStart('\uFEFF').Split(';').ToList();
        foreach (var line in csv.Skip(1).Where(l => l.Length > 0 && !l.Contains('"')))
        {
            var cells = line.Split(';');
            foreach (var column in new[] { "gepubliceerd", "begint", "eindigt" })
                if (cells[header.IndexOf(column)] is { Length: > 0 } moment)
                    Assert.Matches(IsoWithOffset, moment);
        }

        using var search = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=buurt"));
        Assert.All(search.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Matches(IsoWithOffset, i.GetProperty("published").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/cases?outcome=gelukt", "outcome")]
    [InlineData("/api/v1/cases?theme=bestaat-niet", "theme")]
    [InlineData("/api/v1/interventions?evidence=bewezen", "evidence")]
    [InlineData("/api/v1/events?when=morgen", "when")]
    [InlineData("/api/v1/cases?evidence=goed-beschreven", "evidence")]
    [InlineData("/api/v1/cases?pagesize=5", "pagesize")]
    [InlineData("/api/v1/cases/taalcafe?x=1", "x")]
    [InlineData("/api/v1/cases/Niet%20Geldig", "slug")]
    [InlineData("/api/v1/export.csv?type=case", "type")]
    [InlineData("/api/v1/search?q=wijk&type=nieuws", "type")]
    [InlineData("/api/v1/search?q=wijk&evidence=sterk", "evidence")]
    [InlineData("/api/v1/search?q=wijk&soort=praktijkvoorbeeld", "soort")]
    [InlineData("/api/v1/search?q=wijk&theme=bestaat-niet", "theme")]
    [InlineData("/api/v1/search?q=wijk&principle=bestaat-niet", "principle")]
    [InlineData("/api/v1/search?q=wijk&failurePattern=bestaat-niet", "failurePattern")]
    [InlineData("/api/v1/search/suggest?q=wijk&limit=3", "limit")]
    [InlineData("/api/v1/cases?failurePattern=bestaat-niet", "failurePattern")]
    [InlineData("/api/v1/cases?failurepattern=project-stopt-als-de-subsidie-stopt", "failurepattern")]
    [InlineData("/api/v1/events?municipality=Atlantis", "municipality")]
    [InlineData("/api/v1/failure-patterns?theme=eenzaamheid", "theme")]
    [InlineData("/api/v1/failure-patterns/steeds-dezelfde-bewoners?x=1", "x")]
    public async Task An_unknown_parameter_or_filter_value_is_a_400_that_names_it(string url, string parameter)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = problem.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString()!;
        Assert.Contains(parameter == "slug" ? "kleine letters" : "'", message);
    }

    [Fact]
    public async Task Known_filters_still_filter()
    {
        using var failed = JsonDocument.Parse(await client.GetStringAsync("/api/v1/cases?outcome=mislukt&theme=jeugd-en-onderwijs"));
        Assert.True(failed.RootElement.GetProperty("total").GetInt32() >= 1);
        using var upcoming = JsonDocument.Parse(await client.GetStringAsync("/api/v1/events?when=past"));
        Assert.True(upcoming.RootElement.GetProperty("total").GetInt32() >= 1);
        using var pattern = JsonDocument.Parse(await client.GetStringAsync("/api/v1/cases?failurePattern=project-stopt-als-de-subsidie-stopt"));
        Assert.True(pattern.RootElement.GetProperty("total").GetInt32() >= 1);
        using var tilburg = JsonDocument.Parse(await client.GetStringAsync("/api/v1/events?municipality=Tilburg"));
        Assert.True(tilburg.RootElement.GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task List_items_of_every_type_say_when_published_with_offset_and_whether_fictional()
    {
        foreach (var collection in ContentApi.Collections.Keys)
        {
            using var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/{collection}?pageSize=100"));
            var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count > 0, $"{collection}: the seed has none");
            foreach (var item in items)
            {
                Assert.Matches(IsoWithOffset, item.GetProperty("published").GetString());
                Assert.True(item.GetProperty("fictional").ValueKind is JsonValueKind.True or JsonValueKind.False, $"{collection}: 'fictional' is not a boolean");
            }
        }
    }

    [Fact]
    public async Task Not_found_messages_use_the_right_article_form_for_every_type()
    {
        foreach (var (collection, type) in ContentApi.Collections)
        {
            using var response = await client.GetAsync($"/api/v1/{collection}/bestaat-niet");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var detail = problem.RootElement.GetProperty("detail").GetString()!;
            Assert.Contains($"geen {Sections.Of(type).Published} met de slug", detail);
        }
        using var caseResponse = await client.GetAsync("/api/v1/cases/bestaat-niet");
        Assert.Contains("geen gepubliceerd praktijkvoorbeeld", await caseResponse.Content.ReadAsStringAsync());
        using var intervention = await client.GetAsync("/api/v1/interventions/bestaat-niet");
        Assert.Contains("geen gepubliceerde interventie", await intervention.Content.ReadAsStringAsync());
        using var pattern = await client.GetAsync("/api/v1/failure-patterns/bestaat-niet");
        Assert.Contains("geen gepubliceerd faalpatroon", await pattern.Content.ReadAsStringAsync());
    }

    /// <summary>Every key the API writes for an item of any type is explained on the API reference page, under that type.</summary>
    [Fact]
    public async Task The_api_reference_explains_every_field_of_every_type()
    {
        var reference = await client.GetPageAsync("/api");
        List<string> Keys(string table) => reference.QuerySelectorAll($"#{table} tbody td:first-child code").Select(c => c.TextContent).ToList();
        var common = Keys("velden-lijst");
        foreach (var collection in ContentApi.Collections.Keys)
        {
            var documented = common.Concat(Keys($"velden-{collection}")).ToList();
            using var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/{collection}?pageSize=100"));
            foreach (var item in list.RootElement.GetProperty("items").EnumerateArray())
            {
                Assert.All(item.EnumerateObject(), p => Assert.Contains(p.Name, common));
                using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/{collection}/{item.GetProperty("slug").GetString()}"));
                foreach (var property in detail.RootElement.EnumerateObject())
                    Assert.True(documented.Contains(property.Name), $"{collection}: '{property.Name}' is not explained on /api");
            }
        }
    }
}
