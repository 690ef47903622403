using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

public class SearchTests(SearchTests.Factory factory) : IClassFixture<SearchTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private readonly HttpClient client = factory.CreatePlainClient();

    [Fact]
    public async Task Search_page_finds_compounds_with_marked_snippets_and_facets()
    {
        var page = await client.GetPageAsync("/zoeken?q=schakelaar");
        Assert.Equal("Wijkschakelaars zichtbaar maken in Nieuw-West", page.Text(".hit__title a"));
        Assert.Contains("wijkschakelaars", page.QuerySelector(".hit__snippet mark")!.TextContent, StringComparison.OrdinalIgnoreCase);
        var typeFacet = page.QuerySelectorAll(".facet").First(f => f.QuerySelector("legend")!.TextContent == "Soort");
        Assert.Contains(typeFacet.QuerySelectorAll("label"), l => l.TextContent.Contains("Wijkschakelaars (4)"));
        Assert.Equal("schakelaar", page.QuerySelector("#zoekterm")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Filters_are_checkboxes_that_narrow_the_results()
    {
        var page = await client.GetPageAsync("/zoeken?q=wijk&soort=praktijkvoorbeeld&uitkomst=mislukt");
        var links = page.Links(".hit__title a");
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith("/praktijkvoorbeelden/", l));
        Assert.NotNull(page.QuerySelector("input[name=uitkomst][value=mislukt][checked]"));
        Assert.Contains("/zoeken?q=wijk", page.Links(".facets a"));
    }

    [Fact]
    public async Task Interventions_are_found_by_their_target_group_as_a_facet()
    {
        var page = await client.GetPageAsync("/zoeken?q=buurt&doelgroep=ouderen");
        Assert.Equal(["/interventies/buurtkamer", "/interventies/digicafe"], page.Links(".hit__title a").Order());
        var facet = page.QuerySelectorAll(".facet").First(f => f.QuerySelector("legend")!.TextContent == "Doelgroep");
        Assert.NotNull(facet.QuerySelector("input[name=doelgroep][value=ouderen][checked]"));
        Assert.Contains(facet.QuerySelectorAll("label"), l => l.TextContent.Contains("Ouderen (2)"));

        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=buurt&targetGroup=volwassenen&type=interventie"));
        Assert.Equal(["digicafe", "taalcafe"], api.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("url").GetString()!.Split('/').Last()).Order());
        using var wrong = await client.GetAsync("/api/v1/search?q=buurt&targetGroup=katten");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    [Fact]
    public async Task Typo_shows_corrected_results()
    {
        var page = await client.GetPageAsync("/zoeken?q=eenzaamhied");
        Assert.Contains("zochten naar eenzaamheid", page.Text(".notice"));
        Assert.NotEmpty(page.Links(".hit__title a"));
        // One click searches what was typed.
        Assert.Contains("/zoeken?q=eenzaamhied&letterlijk=1", page.Links(".notice a"));
        var typed = await client.GetPageAsync("/zoeken?q=eenzaamhied&letterlijk=1");
        Assert.Null(typed.QuerySelector(".notice"));
        Assert.Contains("0 resultaten voor „eenzaamhied”", typed.Text(".result-count"));
    }

    [Fact]
    public async Task Nothing_found_gives_a_helpful_empty_state()
    {
        var page = await client.GetPageAsync("/zoeken?q=xqzwv");
        Assert.Contains("Geen resultaten voor „xqzwv”", page.Text(".empty-state"));
        Assert.Contains("/themas", page.Links(".empty-state a"));
    }

    [Fact]
    public async Task A_real_word_is_not_corrected_on_the_page()
    {
        var page = await client.GetPageAsync("/zoeken?q=verward+gedrag");
        Assert.DoesNotContain("bedrag", page.Text("[role=status]"));
        Assert.Equal("verward gedrag", page.QuerySelector("#zoekterm")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_page_says_what_it_understood_with_one_click_to_drop_it()
    {
        var page = await client.GetPageAsync("/zoeken?q=wat+werkte+niet");
        Assert.Contains("Mislukte en deels geslaagde praktijkvoorbeelden", page.Text(".notice--understood"));
        var first = page.QuerySelector(".hit")!;
        Assert.NotNull(first.QuerySelector(".outcome-badge--mislukt, .outcome-badge--deels"));
        Assert.Contains("/zoeken?q=wat%20werkte%20niet&letterlijk=1", page.Links(".notice--understood a"));
        var literal = await client.GetPageAsync("/zoeken?q=wat%20werkte%20niet&letterlijk=1");
        Assert.Null(literal.QuerySelector(".notice--understood"));
    }

    [Theory]
    [InlineData("%22")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData("(")]
    public async Task Punctuation_alone_is_an_empty_search(string query)
    {
        var page = await client.GetPageAsync("/zoeken?q=" + query);
        var empty = await client.GetPageAsync("/zoeken");
        Assert.Equal(empty.Text(".result-count"), page.Text(".result-count"));
        Assert.Equal("", page.QuerySelector("#zoekterm")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page_with_a_message()
    {
        var page = await client.GetPageAsync("/zoeken?q=wijk&pagina=99");
        Assert.Contains("Pagina 99 bestaat niet", page.Text("[role=status]"));
        Assert.NotEmpty(page.Links(".hit__title a"));
    }

    [Fact]
    public async Task Hits_show_invented_examples_and_places_in_separate_facets()
    {
        var page = await client.GetPageAsync("/zoeken?q=wijkschakelaars");
        Assert.Contains("Verzonnen voorbeeld", page.Text(".hit"));
        var all = await client.GetPageAsync("/zoeken");
        var legends = all.QuerySelectorAll(".facet legend").Select(l => l.TextContent).ToList();
        Assert.Contains("Gemeente", legends);
        Assert.Contains("Wijk", legends);
        var municipalities = all.QuerySelectorAll(".facet").First(f => f.QuerySelector("legend")!.TextContent == "Gemeente").TextContent;
        Assert.DoesNotContain("Zuidoost", municipalities);
    }

    [Fact]
    public async Task Empty_state_has_no_empty_filter_box_and_offers_searches_that_find_something()
    {
        var page = await client.GetPageAsync("/zoeken?q=xqzwv");
        Assert.Null(page.QuerySelector(".facets"));
        var filtered = await client.GetPageAsync("/zoeken?q=eenzaamheid+xqzwv&soort=pagina&uitkomst=mislukt");
        Assert.Contains("/zoeken?q=eenzaamheid%20xqzwv", filtered.Links(".empty-state a"));
        Assert.Contains("zonder filters", filtered.Text(".empty-state"));
    }

    [Fact]
    public async Task Every_page_has_a_search_box_in_the_header()
    {
        var page = await client.GetPageAsync("/praktijkvoorbeelden");
        var form = page.QuerySelector("header form[role=search]")!;
        Assert.Equal("/zoeken", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(page.QuerySelector("label[for=site-zoekterm]"));
    }

    [Fact]
    public async Task Api_returns_the_documented_shape()
    {
        using var response = await client.GetAsync("/api/v1/search?q=taalcafe&page=1&pageSize=2&type=praktijkvoorbeeld");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.True(root.GetProperty("total").GetInt32() >= 1);
        var item = root.GetProperty("items")[0];
        Assert.Equal("praktijkvoorbeeld", item.GetProperty("type").GetString());
        Assert.Equal("/praktijkvoorbeelden/taalcafe-in-de-bibliotheek", item.GetProperty("url").GetString());
        Assert.Contains("<mark>", item.GetProperty("snippet").GetString());
        Assert.True(item.TryGetProperty("published", out _));
        Assert.Equal("geslaagd", item.GetProperty("facets").GetProperty("outcome")[0].GetString());
        Assert.Equal("Tilburg", item.GetProperty("facets").GetProperty("municipality")[0].GetString());
        Assert.True(root.GetProperty("facets").TryGetProperty("theme", out var themes));
        Assert.Contains(themes.EnumerateArray(), t => t.GetProperty("label").GetString() == "Taal en integratie");
        Assert.Equal(JsonValueKind.Null, root.GetProperty("suggestion").ValueKind);
    }

    [Theory]
    [InlineData("/api/v1/search?page=abc", "page")]
    [InlineData("/api/v1/search?page=0", "page")]
    [InlineData("/api/v1/search?pageSize=1000", "pageSize")]
    [InlineData("/api/v1/search?sort=random", "sort")]
    [InlineData("/api/v1/search?q=a&q=b", "q")]
    public async Task Bad_api_parameters_get_a_400_problem(string url, string parameter)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Suggest_completes_titles_and_words()
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/search/suggest?q=buurtk");
        var texts = body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.Contains("Buurtkamer", texts);
        Assert.Contains("buurtkamer", texts);
    }

    [Fact]
    public async Task Detail_page_shows_more_like_this()
    {
        var page = await client.GetPageAsync("/praktijkvoorbeelden/buurtkamer-de-linde");
        var related = page.Links("#meer-zoals-dit ~ ul a");
        Assert.NotEmpty(related);
        Assert.DoesNotContain("/praktijkvoorbeelden/buurtkamer-de-linde", related);
        // Never an item that the page already lists, such as the intervention it used or its themes.
        var listed = page.QuerySelectorAll("article a").Where(a => a.Closest(".related") is null).Select(a => a.GetAttribute("href")).ToList();
        Assert.Empty(related.Intersect(listed));
        foreach (var url in new[] { "/interventies/buurtkamer", "/principes/bewoners-aan-zet-gemeente-faciliteert" })
        {
            var other = await client.GetPageAsync(url);
            var otherListed = other.QuerySelectorAll("article a").Where(a => a.Closest(".related") is null).Select(a => a.GetAttribute("href")).ToList();
            Assert.Empty(other.Links("#meer-zoals-dit ~ ul a").Intersect(otherListed));
        }
    }

    [Fact]
    public async Task Publish_unpublish_and_archive_reach_search_without_a_restart()
    {
        var now = factory.Clock.Now.UtcDateTime;
        var item = new Case { Title = "Zwerfvuilprikkers in Kralingen", Outcome = CaseOutcome.Succeeded, Summary = "Buren ruimen samen op." };
        item.Publish(now.AddMinutes(-1));
        await SaveAsync(item);
        await WaitUntilAsync("zwerfvuilprikkers", found: true);

        await SaveAsync(item, c => c.Unpublish());
        await WaitUntilAsync("zwerfvuilprikkers", found: false);

        await SaveAsync(item, c => { c.Publish(now); c.Title = "Zwerfvuilprikkers in Kralingen-Oost"; });
        await WaitUntilAsync("kralingen-oost", found: true);
        await SaveAsync(item, c => c.Archive());
        await WaitUntilAsync("zwerfvuilprikkers", found: false);
    }

    [Fact]
    public async Task A_page_published_or_unpublished_is_in_every_footer_from_the_next_request()
    {
        async Task<string> FooterAsync() => (await client.GetStringAsync("/zoeken?q=voettekst"))
            .Split("<footer", 2)[1];
        Assert.DoesNotContain("Spelregels voor de buurt", await FooterAsync());
        var page = new Kennisplatform.Content.Pages.Page { Title = "Spelregels voor de buurt", Summary = "Hoe we met elkaar omgaan." };
        page.Publish(factory.Clock.Now.UtcDateTime.AddMinutes(-1));
        page = await factory.SaveAsync(page);

        // The footer is cached, but a save changes its key at once: no wait for the index.
        Assert.Contains("Spelregels voor de buurt", await FooterAsync());
        await factory.SaveAsync(page, p => p.Unpublish());
        Assert.DoesNotContain("Spelregels voor de buurt", await FooterAsync());
    }

    [Fact]
    public async Task Scheduled_item_enters_the_index_when_due()
    {
        var item = new Case { Title = "Geplande glasbakken", Outcome = CaseOutcome.TooEarly };
        item.Publish(factory.Clock.Now.UtcDateTime.AddHours(1));
        await SaveAsync(item);
        await WaitForIndexToApplyEverySaveAsync();
        Assert.Equal(0, await CountAsync("glasbakken"));
        factory.Clock.Now = factory.Clock.Now.AddHours(2);
        await WaitUntilAsync("glasbakken", found: true);
    }

    [Fact]
    public async Task Thousands_of_random_and_hostile_queries_never_give_a_server_error()
    {
        var random = new Random(20261123);
        string[] hostile = ["AND (", "\"x", "*", "?x", "title:", "[a TO", "/(/j", "-", "\"\"", "NOT", "~", "\\", "%", "<script>", "' OR 1=1 --", "\u0000", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ĳsselmonde", "wijk^10", "buurt~2", "{!xmlparser}", "&&||", new string('a', 10_000), new string('"', 501), ""];
        var queries = hostile.Concat(Enumerable.Range(0, 2000).Select(_ => RandomQuery(random))).ToList();
        var failures = new List<string>();
        foreach (var (q, i) in queries.Select((q, i) => (q, i)))
        {
            var encoded = Uri.EscapeDataString(q);
            var urls = new List<string> { $"/api/v1/search?q={encoded}&page={random.Next(-2, 200)}&pageSize={random.Next(-1, 80)}" };
            if (i % 4 == 0) urls.Add($"/zoeken?q={encoded}&pagina={random.Next(-2, 200)}&thema={encoded}");
            if (i % 8 == 0) urls.Add($"/api/v1/search/suggest?q={encoded}");
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(url);
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{(int)response.StatusCode} {url[..Math.Min(url.Length, 120)]}");
            }
        }
        Assert.Empty(failures);
    }

    private static string RandomQuery(Random random)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzëéï \"'-+*?~^:()[]{}<>/\\!&|%#@;,.0123456789\t\n";
        var length = random.Next(0, 60);
        return new string(Enumerable.Range(0, length).Select(_ => random.Next(20) == 0 ? (char)random.Next(0x20, 0x2FFF) : alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    private async Task SaveAsync(Case item, Action<Case>? change = null) => item.Id = (await factory.SaveAsync(item, change)).Id;

    private async Task<int> CountAsync(string query)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString(query));
        return body.GetProperty("total").GetInt32();
    }

    /// <summary>Waits until the index has applied every change-log row saved so far, so an absence is a real absence.</summary>
    private async Task WaitForIndexToApplyEverySaveAsync()
    {
        long last;
        await using (var scope = factory.Services.CreateAsyncScope())
            last = await scope.ServiceProvider.GetRequiredService<ContentDb>().Changes.MaxAsync(c => c.Id);
        var indexer = factory.Services.GetRequiredService<SearchIndexer>();
        var watch = Stopwatch.StartNew();
        while (indexer.Index.LastChange < last)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), "The index did not apply the save within 15 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the background indexer; the time it takes is measured in the benchmark, not asserted here.</summary>
    private async Task WaitUntilAsync(string query, bool found)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (await CountAsync(query) > 0 == found)
                return;
            await Task.Delay(50);
        }
        Assert.Fail($"'{query}' was {(found ? "not found" : "still found")} after 15 s.");
    }
}
