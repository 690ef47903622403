using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Kennisplatform.Web.Tests;

/// <summary>"Voordat je begint": the pre-mortem checklist built from the failure patterns of comparable cases.</summary>
public class PreMortemChecklistTests(PreMortemChecklistTests.Factory factory) : IClassFixture<PreMortemChecklistTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private readonly HttpClient client = factory.CreatePlainClient();

    private static List<IElement> Lines(IHtmlDocument page) => page.QuerySelectorAll(".checklist__item").ToList();

    private static int Count(string resultCount) => int.Parse(resultCount.Split(' ')[0], CultureInfo.InvariantCulture);

    [Fact]
    public async Task Checklist_for_a_theme_lists_the_patterns_of_its_cases_most_frequent_first_with_the_cases_and_the_question()
    {
        const string theme = "gezondheid-en-vitaliteit";
        var page = await client.GetPageAsync($"/voordat-je-begint?thema={theme}");
        Assert.Contains("Gezondheid en vitaliteit", page.Text(".checklist h2"));
        Assert.Equal("selected", page.QuerySelector($"#thema option[value={theme}]")!.GetAttribute("selected"));

        // The comparable cases are exactly the theme's cases on the overview.
        var themeCases = (await client.GetPageAsync($"/praktijkvoorbeelden?thema={theme}")).Links(".card__title a");
        Assert.StartsWith($"{themeCases.Count} praktijkvoorbeelden lijken", page.Text(".checklist .result-count"));

        // Every pattern is checked against the case overview filtered on theme and pattern: same cases, same count,
        // and a pattern missing from the checklist has no such case.
        var lines = Lines(page);
        Assert.NotEmpty(lines);
        var listed = new Dictionary<string, int>();
        foreach (var line in lines)
        {
            var pattern = line.QuerySelector(".checklist__title a")!.GetAttribute("href")!;
            var cases = line.QuerySelectorAll(".checklist__cases a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal).ToList();
            var slug = pattern[(pattern.LastIndexOf('/') + 1)..];
            var filtered = await client.GetPageAsync($"/praktijkvoorbeelden?thema={theme}&faalpatroon={slug}");
            Assert.Equal(filtered.Links(".card__title a").Order(StringComparer.Ordinal), cases);
            Assert.StartsWith($"Gezien in {cases.Count} van de {themeCases.Count} ", line.QuerySelector(".checklist__count")!.TextContent);
            var patternPage = await client.GetPageAsync(pattern);
            Assert.Contains(line.QuerySelector(".checklist__question strong")!.TextContent, patternPage.Text(".pattern-question"));
            listed[slug] = cases.Count;
        }
        Assert.Equal(listed.Values.OrderByDescending(n => n), lines.Select(l => l.QuerySelectorAll(".checklist__cases a").Length));
        foreach (var pattern in (await client.GetPageAsync("/faalpatronen")).Links(".card__title a"))
        {
            var slug = pattern[(pattern.LastIndexOf('/') + 1)..];
            if (!listed.ContainsKey(slug))
                Assert.Equal("0 resultaten", (await client.GetPageAsync($"/praktijkvoorbeelden?thema={theme}&faalpatroon={slug}")).Text(".result-count"));
        }

        var subsidy = lines.Single(l => l.QuerySelector(".checklist__title a")!.GetAttribute("href") == "/faalpatronen/project-stopt-als-de-subsidie-stopt");
        Assert.Equal("Wie neemt het over als de subsidie stopt?", subsidy.QuerySelector(".checklist__question strong")!.TextContent);
        Assert.Contains("/praktijkvoorbeelden/wandelgroep-die-stopte", subsidy.QuerySelectorAll(".checklist__cases a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Every_choice_narrows_the_comparable_cases_and_an_empty_result_offers_each_choice_alone()
    {
        var leeuwarden = await client.GetPageAsync("/voordat-je-begint?gemeente=Leeuwarden");
        Assert.StartsWith("1 praktijkvoorbeeld lijkt", leeuwarden.Text(".checklist .result-count"));
        var walk = await client.GetPageAsync("/praktijkvoorbeelden/wandelgroep-die-stopte");
        Assert.Equal(walk.Links("#faalpatronen ~ ul a").Order(StringComparer.Ordinal),
            leeuwarden.Links(".checklist__title a").Order(StringComparer.Ordinal));

        var both = await client.GetPageAsync("/voordat-je-begint?thema=veiligheid&gemeente=Leeuwarden");
        Assert.Contains("nog geen gepubliceerde praktijkvoorbeelden", both.Text(".checklist .result-count"));
        Assert.Empty(Lines(both));
        Assert.Equal(["/voordat-je-begint?thema=veiligheid", "/voordat-je-begint?gemeente=Leeuwarden"], both.Links(".checklist-wider a"));

        // An intervention's checklist holds only the cases that used it, and its themes narrow it further.
        var budget = await client.GetPageAsync("/voordat-je-begint?interventie=buurtbudget");
        var usedIn = (await client.GetPageAsync("/interventies/buurtbudget")).Links("#verwijzingen ~ .cards .card__title a");
        Assert.StartsWith(usedIn.Count == 1 ? "1 praktijkvoorbeeld lijkt" : $"{usedIn.Count} praktijkvoorbeelden lijken", budget.Text(".checklist .result-count"));
        Assert.All(budget.Links(".checklist__cases a"), c => Assert.Contains(c, usedIn));
        Assert.Contains("/praktijkvoorbeelden/buurtbudget-dat-bleef-liggen", budget.Links(".checklist__cases a"));
    }

    [Fact]
    public async Task Every_intervention_page_links_to_its_own_checklist()
    {
        var interventions = (await client.GetPageAsync("/interventies")).Links(".card__title a");
        Assert.NotEmpty(interventions);
        foreach (var url in interventions)
        {
            var page = await client.GetPageAsync(url);
            var slug = url[(url.LastIndexOf('/') + 1)..];
            var link = page.Links(".checklist-link a").Single();
            Assert.Equal($"/voordat-je-begint?interventie={slug}", link);
            var checklist = await client.GetPageAsync(link);
            Assert.Contains(page.Text("main h1"), checklist.Text(".checklist h2"));
            Assert.Empty(checklist.QuerySelectorAll(".notice--error"));
        }
    }

    [Theory]
    [InlineData("thema=bestaat-niet", "We kennen geen thema 'bestaat-niet'")]
    [InlineData("interventie=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "We kennen geen interventie '<script>alert(1)</script>'")]
    [InlineData("gemeente=Atlantis%22%27", "Er zijn nog geen praktijkvoorbeelden uit de gemeente 'Atlantis\"''")]
    [InlineData("thema=%E2%80%AE%F0%9F%98%80", "We kennen geen thema")]
    public async Task Unknown_choices_give_a_Dutch_message_and_no_checklist(string query, string message)
    {
        var page = await client.GetPageAsync("/voordat-je-begint?" + query);
        Assert.Contains(message, page.Text(".notice--error"));
        Assert.Null(page.QuerySelector(".checklist"));
        Assert.NotNull(page.QuerySelector("form.checklist-form"));
    }

    [Fact]
    public async Task Odd_addresses_never_fail()
    {
        foreach (var query in new[] { "thema=", "thema=%20", "thema=veiligheid&thema=eenzaamheid", "thema=" + new string('x', 5000), "interventie[]=a", "gemeente=%00", "thema=GEZONDHEID-EN-VITALITEIT" })
        {
            using var response = await client.GetAsync("/voordat-je-begint?" + query);
            Assert.True(response.StatusCode is HttpStatusCode.OK, $"{query}: {(int)response.StatusCode}");
        }
        var upper = await client.GetPageAsync("/voordat-je-begint?thema=GEZONDHEID-EN-VITALITEIT");
        Assert.EndsWith("/voordat-je-begint?thema=gezondheid-en-vitaliteit", upper.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.NotEmpty(Lines(upper));

        var empty = await client.GetPageAsync("/voordat-je-begint");
        Assert.Null(empty.QuerySelector(".checklist"));
        Assert.Empty(empty.QuerySelectorAll(".notice--error"));
        Assert.Equal("get", empty.QuerySelector("form.checklist-form")!.GetAttribute("method"));
    }

    [Fact]
    public async Task The_checklist_is_linked_from_the_footer_the_pattern_overview_and_the_sitemap()
    {
        var home = await client.GetPageAsync("/");
        Assert.Contains("/voordat-je-begint", home.Links(".site-footer a"));
        Assert.Contains("/voordat-je-begint", (await client.GetPageAsync("/faalpatronen")).Links("main a"));
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        Assert.Contains("/voordat-je-begint</loc>", sitemap);
    }
}
