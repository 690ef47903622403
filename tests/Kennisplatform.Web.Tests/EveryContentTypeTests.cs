using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Pages;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Editing;
using Kennisplatform.Web.Search;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// Every value of <see cref="ContentType"/>, not a hand-written list, through every place that shows content. A type
/// added to the enum but forgotten in its descriptor, its partials or its seed content fails here, with its name.
/// </summary>
public class EveryContentTypeTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient client = factory.CreatePlainClient();

    public static TheoryData<ContentType> Types()
    {
        var types = new TheoryData<ContentType>();
        foreach (var type in Enum.GetValues<ContentType>())
            types.Add(type);
        return types;
    }

    /// <summary>The newest published item of the type in the seed content, with its links.</summary>
    private async Task<ContentItem> SampleAsync(ContentType type)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
        var item = await db.Items.AsNoTracking().OfKind(type).VisibleAt(factory.Clock.Now.UtcDateTime).WithLinks()
            .OrderByDescending(i => i.PublishedAt).ThenBy(i => i.Title).FirstOrDefaultAsync();
        Assert.True(item is not null, $"The seed content in content/ has no published {type}: add one, so every page of the type is tested.");
        return item!;
    }

    [Theory, MemberData(nameof(Types))]
    public void Type_has_exactly_one_descriptor_with_its_own_names(ContentType type)
    {
        var descriptor = Assert.Single(TypeDescriptors.All, d => d.Type == type);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Singular));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Plural));
        Assert.Single(TypeDescriptors.All, d => d.Collection == descriptor.Collection);
        Assert.Single(Enum.GetValues<ContentType>(), t => t.Code() == type.Code());
        if (descriptor.Segment is { } segment)
        {
            Assert.Single(TypeDescriptors.All, d => d.Segment == segment);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Intro));
        }
    }

    [Theory, MemberData(nameof(Types))]
    public async Task Overview_and_detail_pages_show_the_type(ContentType type)
    {
        var item = await SampleAsync(type);
        var descriptor = TypeDescriptors.Of(type);
        if (descriptor.Segment is { } segment)
        {
            var overview = await client.GetPageAsync("/" + segment);
            Assert.Equal(descriptor.Plural, overview.Text("h1"));
            Assert.NotEmpty(overview.Links(".cards .card__title a"));
        }
        var detail = await client.GetPageAsync(Sections.UrlOf(item));
        Assert.Equal(item.Title, detail.Text("main h1"));
        if (descriptor.Segment is not null)
            Assert.Equal(descriptor.Singular, detail.Text(".detail__type"));
    }

    [Theory, MemberData(nameof(Types))]
    public async Task Overview_shows_the_links_comparison_and_lesson_marks_the_descriptor_names(ContentType type)
    {
        var descriptor = TypeDescriptors.Of(type);
        if (descriptor.Segment is not { } segment)
            return;
        var overview = await client.GetPageAsync("/" + segment);
        foreach (var (_, text) in descriptor.OverviewLinks)
        {
            var link = overview.QuerySelectorAll("main a").SingleOrDefault(a => a.TextContent == text);
            Assert.True(link is not null, $"The overview of {type} has no link '{text}'.");
            Assert.False(string.IsNullOrEmpty(link!.GetAttribute("href")), $"The link '{text}' names a page that does not exist.");
            await client.GetPageAsync(link.GetAttribute("href")!);
        }
        Assert.Equal(descriptor.Comparable, overview.QuerySelector("form#vergelijk-form") is not null);
        Assert.Equal(descriptor.Comparable, overview.QuerySelector(".card input[form=vergelijk-form]") is not null);
        var detail = await client.GetPageAsync(Sections.UrlOf(await SampleAsync(type)));
        Assert.Equal(descriptor.Comparable, detail.Links(".item-actions a").Any(l => l.StartsWith("/vergelijken?", StringComparison.Ordinal)));

        await using var scope = factory.Services.CreateAsyncScope();
        var shown = await scope.ServiceProvider.GetRequiredService<SiteQueries>().ListAsync(descriptor, new OverviewFilter(), 1, CancellationToken.None);
        Assert.Equal(shown.Items.Where(descriptor.IsLesson).Select(i => i.Title), overview.QuerySelectorAll(".card--lesson .card__title a").Select(a => a.TextContent));
    }

    [Theory, MemberData(nameof(Types))]
    public async Task Api_collection_and_detail_serve_the_type(ContentType type)
    {
        var item = await SampleAsync(type);
        var collection = TypeDescriptors.Of(type).Collection;
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/{collection}?pageSize=100");
        Assert.True(list.GetProperty("total").GetInt32() >= 1);
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal(type.Code(), i.GetProperty("type").GetString()));

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/{collection}/{item.Slug}");
        Assert.Equal(item.Title, detail.GetProperty("title").GetString());
        Assert.Equal("http://localhost" + Sections.UrlOf(item), detail.GetProperty("url").GetString());
    }

    [Theory, MemberData(nameof(Types))]
    public async Task Csv_and_json_exports_hold_the_type(ContentType type)
    {
        var item = await SampleAsync(type);
        var csv = await client.GetStringAsync("/api/v1/export.csv");
        Assert.Contains($"\r\n{type.Code()};{item.Slug};", csv);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/export.json");
        Assert.Contains(json.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("type").GetString() == type.Code() && i.GetProperty("slug").GetString() == item.Slug);
    }

    [Theory, MemberData(nameof(Types))]
    public async Task Feeds_and_sitemap_list_the_type(ContentType type)
    {
        var item = await SampleAsync(type);
        var url = "http://localhost" + Sections.UrlOf(item);
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        Assert.Contains(sitemap.Descendants().Where(e => e.Name.LocalName == "loc"), e => e.Value == url);

        if (type.Segment() is { } segment)
        {
            var feed = XDocument.Parse(await client.GetStringAsync($"/feeds/{segment}.atom"));
            Assert.Contains(feed.Descendants().Where(e => e.Name.LocalName == "id"), e => e.Value == url);
        }
    }

    [Theory, MemberData(nameof(Types))]
    public async Task Search_document_is_built_and_the_item_is_found(ContentType type)
    {
        var item = await SampleAsync(type);
        var document = SearchDocuments.From(item, factory.Clock.Now.UtcDateTime);
        Assert.Equal(type.Code(), document.Type);
        Assert.Equal(Sections.UrlOf(item), document.Url);
        Assert.Contains(type.Label(), document.Tags);

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(item.Title)}&type={type.Code()}&pageSize=50");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("url").GetString() == document.Url);
    }

    [Theory, MemberData(nameof(Types))]
    public async Task Edit_form_opens_for_a_new_and_an_existing_item(ContentType type)
    {
        var item = await SampleAsync(type);
        var (browser, _) = await factory.SignedInAsync("redacteur");
        var blank = await browser.GetPageAsync($"/beheer/inhoud/nieuw/{type.Code()}");
        Assert.Contains(type.Label().ToLowerInvariant(), blank.Text("h1"));
        Assert.NotNull(blank.QuerySelector("form.edit-form input[name=slug]"));

        var unlabelled = ContentFields.For(type).Select(f => f.Key).Where(k => !ContentFields.WorkflowKeys.Contains(k) && !FieldLabels.Has(k)).ToList();
        Assert.True(unlabelled.Count == 0, $"Fields without a Dutch label in FieldLabels: {string.Join(", ", unlabelled)}");

        var existing = await browser.GetPageAsync($"/beheer/inhoud/{item.Id}");
        Assert.Equal(item.Slug, existing.QuerySelector("form.edit-form input[name=slug]")!.GetAttribute("value"));
    }

    [Theory, MemberData(nameof(Types))]
    public async Task The_segment_of_the_type_is_reserved_for_it(ContentType type)
    {
        if (type.Segment() is not { } segment)
        {
            Assert.Equal(ContentType.Page, type);
            return;
        }
        Assert.Contains(segment, Page.ReservedSlugs);
        var page = new Page { Title = "Botsing", Slug = segment };
        Assert.Contains(page.Validate(), e => e.Field == "slug");
        using var overview = await client.GetAsync("/" + segment);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
    }

    [Fact]
    public void Every_first_segment_the_site_routes_or_serves_is_reserved_for_pages()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var literal = endpoints
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault())
            .Where(s => s is { IsSimple: true } && s.Parts[0].IsLiteral)
            .Select(s => ((RoutePatternLiteralPart)s!.Parts[0]).Content.ToLowerInvariant())
            .Distinct().ToList();
        Assert.Contains("beheer", literal);
        var staticFolders = Directory.GetDirectories(factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath)
            .Select(d => Path.GetFileName(d)!);
        // Only a valid slug can collide: sitemap.xml and robots.txt cannot be one.
        var unreserved = literal.Concat(staticFolders).Where(s => SlugRules.IsValid(s) && !Page.ReservedSlugs.Contains(s) && !Page.ShownInsideSitePages.Contains(s)).ToList();
        Assert.True(unreserved.Count == 0, $"Used by the site but not in Page.SiteSegments, so a page could take them: {string.Join(", ", unreserved)}");
    }
}
