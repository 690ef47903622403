using Kennisplatform.Web.Site;

namespace Kennisplatform.Web.Tests;

public class PublicSiteTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient client = factory.CreatePlainClient();

    [Fact]
    public async Task Home_shows_what_the_platform_is_with_latest_cases_events_themes_and_principles()
    {
        var page = await client.GetPageAsync("/");
        Assert.Equal("nl", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("wiel opnieuw", page.Text(".intro"));
        Assert.Equal(6, page.QuerySelectorAll("#nieuwste ~ .cards .card").Length);
        Assert.Equal(10, page.Links(".columns a[href^='/themas/']").Count);
        Assert.Equal(5, page.Links(".columns a[href^='/principes/']").Count);
        Assert.NotEmpty(page.Links("a[href^='/bijeenkomsten/']"));
    }

    [Fact]
    public async Task Every_type_has_an_overview_and_every_listed_item_opens()
    {
        foreach (var section in Sections.All)
        {
            var links = new List<string>();
            var url = "/" + section.Segment;
            while (true)
            {
                var overview = await client.GetPageAsync(url);
                Assert.Equal(section.Plural, overview.Text("h1"));
                links.AddRange(overview.Links(".cards .card__title a"));
                var next = overview.QuerySelector("a[rel=next]")?.GetAttribute("href");
                if (next is null) break;
                url = next;
            }
            Assert.NotEmpty(links);
            Assert.Equal(links.Count, links.Distinct().Count());
            foreach (var link in links)
            {
                Assert.StartsWith("/" + section.Segment + "/", link);
                var detail = await client.GetPageAsync(link);
                Assert.False(string.IsNullOrWhiteSpace(detail.Text("main h1")));
                Assert.Equal(detail.Text("main h1"), detail.Text(".breadcrumbs [aria-current=page]"));
            }
        }
    }

    [Fact]
    public async Task Seed_counts_match_the_issue()
    {
        async Task<int> Count(string url) => int.Parse((await client.GetPageAsync(url)).Text(".result-count").Split(' ')[0]);
        Assert.True(await Count("/praktijkvoorbeelden") >= 12);
        Assert.True(await Count("/praktijkvoorbeelden?uitkomst=mislukt") + await Count("/praktijkvoorbeelden?uitkomst=deels") >= 4);
        Assert.True(await Count("/interventies") >= 6);
        Assert.True(await Count("/wijkschakelaars") >= 4);
        Assert.Equal(5, await Count("/principes"));
        Assert.Equal(10, await Count("/themas"));
        Assert.Equal(8, await Count("/bijeenkomsten"));
        Assert.True(await Count("/bijeenkomsten?wanneer=komend") >= 3); // the three examples that take registrations
        Assert.Equal(3, await Count("/instrumenten"));
    }

    [Fact]
    public async Task Failed_case_leads_with_what_did_not_work()
    {
        var page = await client.GetPageAsync("/praktijkvoorbeelden/jongerenraad-zonder-jongeren");
        Assert.Contains("Mislukt", page.Text(".outcome"));
        var headings = page.QuerySelectorAll(".lessons h3").Select(h => h.TextContent).ToList();
        Assert.Equal(["Wat werkte niet", "Wat zouden we anders doen", "Wat werkte"], headings);
        Assert.Contains("Verzonnen voorbeeld", page.Text(".notice--fictional"));
    }

    [Fact]
    public async Task Successful_case_leads_with_what_worked()
    {
        var page = await client.GetPageAsync("/praktijkvoorbeelden/buurtkamer-de-linde");
        Assert.Equal("Wat werkte", page.QuerySelectorAll(".lessons h3").First().TextContent);
        Assert.Contains("Zwolle", page.Text(".facts"));
    }

    [Fact]
    public async Task Links_show_in_both_directions()
    {
        var casePage = await client.GetPageAsync("/praktijkvoorbeelden/buurtkamer-de-linde");
        Assert.Contains("/interventies/buurtkamer", casePage.Links("#interventies ~ .cards a"));
        Assert.Contains("/wijkschakelaars/henk-bewonersvereniging", casePage.Links("#contact ~ p a"));
        Assert.Contains("/themas/eenzaamheid", casePage.Links(".tags a"));
        Assert.Contains("/principes/bewoners-ondersteunen", casePage.Links(".tags a"));

        foreach (var url in new[] { "/interventies/buurtkamer", "/wijkschakelaars/henk-bewonersvereniging", "/themas/eenzaamheid", "/principes/bewoners-ondersteunen" })
        {
            var page = await client.GetPageAsync(url);
            Assert.Contains("/praktijkvoorbeelden/buurtkamer-de-linde", page.Links("#verwijzingen ~ .cards a, #verwijzingen ~ h3 + .cards a"));
        }
    }

    [Fact]
    public async Task Event_shows_Dutch_local_time()
    {
        var page = await client.GetPageAsync("/bijeenkomsten/nieuw-samenspel-in-de-wijk");
        Assert.Contains("dinsdag 29 januari 2019, 16:00 tot 19:00 uur", page.Text(".facts"));
        Assert.Contains("geweest", page.Text(".notice"));
        var online = await client.GetPageAsync("/bijeenkomsten/instrumenten-wijkprofielen-2");
        Assert.Contains("dinsdag 1 december 2020", online.Text(".facts"));
        Assert.DoesNotContain("00:00", online.Text(".facts"));
    }

    [Fact]
    public async Task Filter_by_outcome_and_theme()
    {
        var failures = await client.GetPageAsync("/praktijkvoorbeelden?uitkomst=mislukt");
        var badges = failures.QuerySelectorAll(".card .outcome-badge").Select(b => b.TextContent).ToList();
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Equal("Mislukt", b));
        Assert.Equal("/praktijkvoorbeelden?uitkomst=mislukt", failures.QuerySelector("[data-facet=uitkomst] a[aria-current=true]")!.GetAttribute("href"));

        var theme = await client.GetPageAsync("/praktijkvoorbeelden?thema=armoede-en-schulden");
        Assert.Equal(["/praktijkvoorbeelden/schuldhulp-in-hillesluis"], theme.Links(".card__title a"));
    }

    [Fact]
    public async Task Free_pages_are_at_the_root_and_linked_in_the_footer()
    {
        var home = await client.GetPageAsync("/");
        var footer = home.Links(".site-footer nav a");
        Assert.Contains("/toegankelijkheid", footer);
        Assert.Contains("/privacy", footer);
        foreach (var link in footer)
            await client.GetPageAsync(link);
        var advice = await client.GetPageAsync("/advies-aan-de-minister");
        Assert.Contains("Vasthoudendheid op lange termijn", advice.Text("article"));
    }

    [Fact]
    public async Task Unknown_address_gets_a_Dutch_404_page()
    {
        foreach (var url in new[] { "/bestaat-niet", "/praktijkvoorbeelden/bestaat-niet", "/a/b/c", "/themas/%3Cscript%3E" })
        {
            var page = await client.GetPageAsync(url, expectedStatus: 404);
            Assert.Equal("Deze pagina bestaat niet", page.Text("h1"));
            Assert.Equal("nl", page.DocumentElement.GetAttribute("lang"));
        }
    }

    [Theory]
    [InlineData("/praktijkvoorbeelden?pagina=abc")]
    [InlineData("/praktijkvoorbeelden?pagina=-5")]
    [InlineData("/praktijkvoorbeelden?pagina=99999999999999")]
    [InlineData("/praktijkvoorbeelden?pagina=999")]
    [InlineData("/praktijkvoorbeelden?uitkomst=%22%3E%3Cscript%3E")]
    [InlineData("/interventies?bewijs=')%20OR%201=1--")]
    [InlineData("/bijeenkomsten?wanneer=ooit&thema=%00")]
    [InlineData("/instrumenten?perspectief=tellen&perspectief=vertellen")]
    public async Task Odd_query_strings_give_a_normal_page(string url)
    {
        var page = await client.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector("main h1"));
        Assert.DoesNotContain("<script>", page.Body!.InnerHtml);
    }

    [Fact]
    public async Task Pages_send_safety_headers()
    {
        using var response = await client.GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
