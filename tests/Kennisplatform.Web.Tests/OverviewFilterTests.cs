using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Kennisplatform.Content.Model;
using Kennisplatform.Web.Site;

namespace Kennisplatform.Web.Tests;

/// <summary>Overviews filter by what matters per type, with counts, in plain GET addresses, and the API follows the same filters.</summary>
public partial class OverviewFilterTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient client = factory.CreatePlainClient();

    [Fact]
    public void Every_filter_kind_has_one_facet_with_its_own_site_and_api_key()
    {
        foreach (var kind in Enum.GetValues<OverviewFilterKind>())
            Assert.Single(OverviewFacets.All, f => f.Kind == kind);
        Assert.Equal(OverviewFacets.All.Count, OverviewFacets.All.Select(f => f.Key).Distinct().Count());
        Assert.Equal(OverviewFacets.All.Count, OverviewFacets.All.Select(f => f.ApiKey).Distinct().Count());
        Assert.DoesNotContain(OverviewFacets.All, f => f.Key is "pagina" || f.ApiKey is "page" or "pageSize");
    }

    [Theory]
    [InlineData(ContentType.Case, new[] { "thema", "uitkomst", "evaluatie", "gemeente", "jaar", "faalpatroon", "vervolg" })]
    [InlineData(ContentType.Intervention, new[] { "thema", "doelgroep", "bewijs", "kosten" })]
    [InlineData(ContentType.Connector, new[] { "thema", "gemeente" })]
    [InlineData(ContentType.Event, new[] { "thema", "wanneer", "vorm", "gemeente" })]
    public async Task The_overview_offers_the_filters_that_matter_for_its_type(ContentType type, string[] keys)
    {
        var page = await client.GetPageAsync(Sections.OverviewUrl(type));
        Assert.Equal(keys, page.QuerySelectorAll(".filters [data-facet]").Select(s => s.GetAttribute("data-facet")!).ToArray());
        // Plain links, no form to send: every address can be shared as it is.
        Assert.Null(page.QuerySelector(".filters form"));
    }

    /// <summary>Every type, every filter, every value: the count beside a value is the number of results its link gives.</summary>
    [Fact]
    public async Task Each_count_is_the_number_of_results_the_link_gives()
    {
        var checkedValues = 0;
        foreach (var descriptor in Sections.All.Where(d => d.Filters.Count > 0))
        {
            var overview = await client.GetPageAsync(Sections.OverviewUrl(descriptor.Type));
            foreach (var group in overview.QuerySelectorAll(".filters [data-facet]"))
            {
                var key = group.GetAttribute("data-facet")!;
                foreach (var link in group.QuerySelectorAll("a[data-count]"))
                {
                    var shown = int.Parse(link.GetAttribute("data-count")!);
                    Assert.Equal(shown, Count(link.TextContent.Trim()));
                    var href = link.GetAttribute("href")!;
                    Assert.StartsWith($"{Sections.OverviewUrl(descriptor.Type)}?{key}=", href);
                    var filtered = await client.GetPageAsync(href);
                    Assert.True(shown == Total(filtered), $"{href}: shows {shown}, gives {Total(filtered)}");
                    Assert.True(shown > 0, $"{href}: a link to an empty list");
                    // The chosen value is marked as such on the page it leads to, with a link that takes it away again.
                    Assert.Equal(href, filtered.QuerySelector($"[data-facet='{key}'] a[aria-current=true]")!.GetAttribute("href"));
                    Assert.Contains(filtered.QuerySelectorAll(".filters__remove"), a => a.GetAttribute("href") == Sections.OverviewUrl(descriptor.Type));
                    checkedValues++;
                }
            }
        }
        Assert.True(checkedValues > 40, $"only {checkedValues} values checked");
    }

    [Fact]
    public async Task Filters_combine_and_each_count_reckons_with_the_others()
    {
        var all = await client.GetPageAsync("/praktijkvoorbeelden");
        var external = await client.GetPageAsync("/praktijkvoorbeelden?evaluatie=extern");
        var combined = await client.GetPageAsync("/praktijkvoorbeelden?evaluatie=extern&jaar=2022");
        Assert.True(Total(combined) <= Total(external) && Total(external) < Total(all));
        Assert.True(Total(combined) > 0);
        // Within the external evaluations, the year 2022 counts exactly the combined results.
        Assert.Equal(Total(combined), Count(Option(external, "jaar", "2022").TextContent.Trim()));
        // A link of one filter keeps the others; the link of a chosen filter's "all" value takes only that one away.
        Assert.Equal("/praktijkvoorbeelden?evaluatie=extern&jaar=2022", Option(external, "jaar", "2022").GetAttribute("href"));
        Assert.Equal("/praktijkvoorbeelden?evaluatie=extern&jaar=2022", combined.QuerySelector("[data-facet=evaluatie] a[aria-current=true]")!.GetAttribute("href"));
        Assert.Equal("/praktijkvoorbeelden?evaluatie=extern&jaar=2022", combined.QuerySelector("[data-facet=jaar] a[aria-current=true]")!.GetAttribute("href"));
        Assert.Equal("/praktijkvoorbeelden?evaluatie=extern", combined.QuerySelectorAll("[data-facet=jaar] a")[0].GetAttribute("href"));
        Assert.Equal(["/praktijkvoorbeelden?jaar=2022", "/praktijkvoorbeelden?evaluatie=extern"], combined.Links(".filters__remove"));
    }

    /// <summary>The issue's scenario: a professional looks for interventions for adults with some proof, in plain GET addresses.</summary>
    [Fact]
    public async Task Interventions_filter_by_target_group_and_evidence_together()
    {
        var adults = await client.GetPageAsync("/interventies?doelgroep=volwassenen");
        Assert.Equal(["/interventies/digicafe", "/interventies/taalcafe"], adults.Links(".card__title a").Order());
        Assert.All(adults.QuerySelectorAll(".card .card__groups"), g => Assert.Contains("Volwassenen", g.TextContent));

        var founded = await client.GetPageAsync("/interventies?doelgroep=volwassenen&bewijs=goed-onderbouwd");
        Assert.Equal(["/interventies/taalcafe"], founded.Links(".card__title a"));
        var described = await client.GetPageAsync("/interventies?bewijs=goed-beschreven&doelgroep=volwassenen");
        Assert.Equal(["/interventies/digicafe"], described.Links(".card__title a"));
        // Within "ouderen", the evidence counts reckon with the target group: buurtkamer and digicafe are both described well.
        var elderly = await client.GetPageAsync("/interventies?doelgroep=ouderen");
        Assert.Equal(2, Total(elderly));
        Assert.Equal(2, Count(Option(elderly, "bewijs", "goed-beschreven").TextContent.Trim()));
        // A value with nothing to show is named with its zero, but not offered as a link to an empty list.
        Assert.Null(elderly.QuerySelector("[data-facet=bewijs] a[href*='goed-onderbouwd']"));
        Assert.Contains("Goed onderbouwd (0)", elderly.Text("[data-facet=bewijs]"));

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/interventions?targetGroup=volwassenen&evidence=goed-onderbouwd"));
        Assert.Equal(["taalcafe"], json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
        using var taalcafe = JsonDocument.Parse(await client.GetStringAsync("/api/v1/interventions/taalcafe"));
        Assert.Equal(["volwassenen", "nederlands-leren"], taalcafe.RootElement.GetProperty("target_groups").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task A_case_shows_under_every_year_it_ran()
    {
        // "Bewoners beheren de speeltuin" runs since 2019 without an end: it counts in 2020 and in this year too.
        var in2020 = await client.GetPageAsync("/praktijkvoorbeelden?jaar=2020");
        Assert.Contains("/praktijkvoorbeelden/bewoners-beheren-de-speeltuin", in2020.Links(".card__title a"));
        Assert.Contains("/praktijkvoorbeelden/bewoners-beheren-de-speeltuin",
            (await client.GetPageAsync($"/praktijkvoorbeelden?jaar={DateTime.UtcNow.Year}")).Links(".card__title a"));
        foreach (var link in in2020.Links(".card__title a"))
        {
            var period = PeriodPattern().Match((await client.GetPageAsync(link)).Text("main"));
            Assert.True(period.Success, $"{link}: no period");
            Assert.True(int.Parse(period.Groups["start"].Value) <= 2020, $"{link} starts after 2020");
            if (period.Groups["end"].Success)
                Assert.True(int.Parse(period.Groups["end"].Value) >= 2020, $"{link} ended before 2020");
        }
    }

    [Fact]
    public async Task Events_filter_by_online_or_in_a_place_and_connectors_by_their_area()
    {
        var online = await client.GetPageAsync("/bijeenkomsten?vorm=online");
        Assert.Contains("/bijeenkomsten/voorbeeld-online-tellen-en-vertellen", online.Links(".card__title a"));
        var physical = await client.GetPageAsync("/bijeenkomsten?vorm=op-locatie");
        Assert.DoesNotContain("/bijeenkomsten/voorbeeld-online-tellen-en-vertellen", physical.Links(".card__title a"));
        Assert.Contains("/bijeenkomsten/venserpolder-dialogen", physical.Links(".card__title a"));

        var arnhem = await client.GetPageAsync("/wijkschakelaars?gemeente=Arnhem");
        Assert.Equal(1, Total(arnhem));
        var cheap = await client.GetPageAsync("/interventies?kosten=laag&bewijs=goed-beschreven");
        Assert.True(Total(cheap) >= 1 && Total(cheap) < Total(await client.GetPageAsync("/interventies?kosten=laag")) + 1);
    }

    [Fact]
    public async Task The_filters_come_before_the_results_and_an_unknown_value_filters_nothing()
    {
        var page = await client.GetPageAsync("/praktijkvoorbeelden?gemeente=Atlantis&jaar=abc");
        var main = page.QuerySelector("main")!.InnerHtml;
        Assert.True(main.IndexOf("class=\"filters\"", StringComparison.Ordinal) < main.IndexOf("class=\"result-count\"", StringComparison.Ordinal));
        Assert.Equal(Total(await client.GetPageAsync("/praktijkvoorbeelden")), Total(page));
        Assert.Null(page.QuerySelector(".filters__reset"));
        Assert.Contains("kent de waarde 'Atlantis' niet", page.Text("main"));
        Assert.Contains("kent de waarde 'abc' niet", page.Text("main"));
    }

    [Fact]
    public async Task Met_vervolg_lists_exactly_the_cases_with_a_published_follow_up_on_the_site_and_in_the_api()
    {
        var seeded = FollowUpTests.Seeded().Select(s => $"/praktijkvoorbeelden/{s.Case}").Distinct().Order().ToList();
        var with = await client.GetPageAsync("/praktijkvoorbeelden?vervolg=ja");
        Assert.Equal(seeded, with.Links(".card__title a").Order().ToList());
        var option = Option(await client.GetPageAsync("/praktijkvoorbeelden"), "vervolg", "ja").TextContent.Trim();
        Assert.StartsWith("Met vervolg", option);
        Assert.Equal(seeded.Count, Count(option));
        var without = await client.GetPageAsync("/praktijkvoorbeelden?vervolg=nee");
        Assert.Equal(Total(await client.GetPageAsync("/praktijkvoorbeelden")), Total(with) + Total(without));
        Assert.DoesNotContain(without.Links(".card__title a"), seeded.Contains);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/cases?followUp=with&pageSize=100"));
        Assert.Equal(seeded, json.RootElement.GetProperty("items").EnumerateArray().Select(i => $"/praktijkvoorbeelden/{i.GetProperty("slug").GetString()}").Order().ToList());
    }

    [Theory]
    [InlineData("/api/v1/cases?municipality=Zwolle", 1)]
    [InlineData("/api/v1/cases?evaluation=extern&year=2022", -1)]
    [InlineData("/api/v1/interventions?cost=laag", 4)]
    [InlineData("/api/v1/connectors?municipality=Arnhem", 1)]
    [InlineData("/api/v1/events?attendance=online&when=upcoming", -1)]
    public async Task The_api_lists_filter_like_the_overviews(string url, int expected)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(url));
        var total = json.RootElement.GetProperty("total").GetInt32();
        Assert.True(expected < 0 ? total > 0 : total == expected, $"{url}: {total}");
    }

    [Theory]
    [InlineData("/api/v1/cases?year=1850", "year")]
    [InlineData("/api/v1/cases?evaluation=goed", "evaluation")]
    [InlineData("/api/v1/interventions?cost=gratis", "cost")]
    [InlineData("/api/v1/interventions?targetGroup=katten", "targetGroup")]
    [InlineData("/api/v1/events?attendance=hybride", "attendance")]
    [InlineData("/api/v1/connectors?municipality=Atlantis", "municipality")]
    [InlineData("/api/v1/cases?followUp=ja", "followUp")]
    [InlineData("/api/v1/instruments?municipality=Zwolle", "municipality")]
    public async Task The_api_refuses_a_value_a_filter_does_not_offer(string url, string parameter)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    private static int Count(string optionText) => int.Parse(CountPattern().Match(optionText).Groups[1].Value);

    private static int Total(IHtmlDocument page)
    {
        var text = page.Text(".result-count");
        return int.Parse(text.Split(' ')[0]);
    }

    /// <summary>The link of one value of a filter.</summary>
    private static AngleSharp.Dom.IElement Option(IHtmlDocument page, string key, string value) =>
        page.QuerySelectorAll($"[data-facet={key}] a[data-count]").First(a => a.GetAttribute("href")!.Contains($"{key}={Uri.EscapeDataString(value)}"));

    [GeneratedRegex(@"\((\d+)\)$")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"Periode\s*(sinds )?(?<start>\d{4})( tot (?<end>\d{4}))?")]
    private static partial Regex PeriodPattern();
}
