using System.Net;
using System.Text;
using System.Text.Json;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>Faalpatronen: their pages, the cases that show them, the case filter, the search facet and open data.</summary>
public class FailurePatternTests(FailurePatternTests.Factory factory) : IClassFixture<FailurePatternTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private readonly HttpClient client = factory.CreatePlainClient();

    private async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Pattern_page_lists_its_cases_the_themes_where_it_occurs_most_and_the_principles_that_counter_it()
    {
        var page = await client.GetPageAsync("/faalpatronen/gemeente-beslist-voor-bewoners");

        Assert.Equal("De gemeente beslist voor bewoners", page.Text("main h1"));
        Assert.Contains("Beslissen bewoners echt mee", page.Text(".pattern-question"));
        Assert.Contains("Maak de regels samen met bewoners", page.Text("#wat-helpt + ul"));
        Assert.Equal(
            ["/praktijkvoorbeelden/buurtbudget-dat-bleef-liggen", "/praktijkvoorbeelden/jongerenraad-zonder-jongeren"],
            page.Links("#verwijzingen ~ .cards .card__title a").Order(StringComparer.Ordinal));

        // Both cases are about participation, one also about youth: participation comes first, with its count.
        var themes = page.QuerySelectorAll(".pattern-themes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, themes.Count);
        Assert.StartsWith("Sociale samenhang en participatie", themes[0]);
        Assert.EndsWith("2 praktijkvoorbeelden", themes[0]);
        Assert.StartsWith("Jeugd en onderwijs", themes[1]);
        Assert.EndsWith("1 praktijkvoorbeeld", themes[1]);
        var themeLink = page.Links(".pattern-themes a")[0];
        Assert.Equal("/praktijkvoorbeelden?thema=sociale-samenhang-en-participatie&faalpatroon=gemeente-beslist-voor-bewoners", themeLink);
        var filtered = await client.GetPageAsync(themeLink);
        Assert.Equal(2, filtered.Links(".card__title a").Count);

        var footer = page.QuerySelector(".detail__links")!;
        Assert.Contains("Werkzame principes die hiertegen helpen", footer.TextContent);
        Assert.Equal(["/principes/bewoners-aan-zet-gemeente-faciliteert", "/principes/eigenaarschap-bij-de-doelgroep"],
            footer.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Overview_lists_every_seeded_pattern_in_its_order()
    {
        var overview = await client.GetPageAsync("/faalpatronen");
        var links = overview.Links(".card__title a");
        Assert.Equal(Directory.GetFiles(Path.Combine(Repository(), "content", "faalpatroon"), "*.md").Length, links.Count);
        Assert.Equal("/faalpatronen/project-stopt-als-de-subsidie-stopt", links[0]);
    }

    [Fact]
    public async Task Every_failed_or_partly_failed_case_shows_its_patterns()
    {
        var lessons = new List<string>();
        foreach (var outcome in new[] { "mislukt", "deels" })
            lessons.AddRange((await client.GetPageAsync($"/praktijkvoorbeelden?uitkomst={outcome}")).Links(".card__title a"));
        Assert.NotEmpty(lessons);
        foreach (var link in lessons)
        {
            var page = await client.GetPageAsync(link);
            var patterns = page.Links("#faalpatronen ~ ul a");
            Assert.True(patterns.Count > 0, $"{link} names no failure pattern");
            Assert.All(patterns, p => Assert.StartsWith("/faalpatronen/", p));
        }
        var walk = await client.GetPageAsync("/praktijkvoorbeelden/wandelgroep-die-stopte");
        Assert.Contains("/faalpatronen/project-stopt-als-de-subsidie-stopt", walk.Links("#faalpatronen ~ ul a"));
    }

    [Fact]
    public async Task Case_overview_filters_by_pattern()
    {
        var page = await client.GetPageAsync("/praktijkvoorbeelden?faalpatroon=hulp-erachter-is-er-niet-klaar-voor");
        Assert.Equal(
            ["/praktijkvoorbeelden/schuldhulp-in-hillesluis", "/praktijkvoorbeelden/wijkwerkplaats-heerlen"],
            page.Links(".card__title a").Order(StringComparer.Ordinal));
        Assert.Equal("/praktijkvoorbeelden?faalpatroon=hulp-erachter-is-er-niet-klaar-voor", page.QuerySelector("[data-facet=faalpatroon] a[aria-current=true]")!.GetAttribute("href"));
        Assert.Equal("2 resultaten", page.Text(".result-count"));

        var combined = await client.GetPageAsync("/praktijkvoorbeelden?faalpatroon=hulp-erachter-is-er-niet-klaar-voor&thema=werk-en-economie");
        Assert.Equal(["/praktijkvoorbeelden/wijkwerkplaats-heerlen"], combined.Links(".card__title a"));

        // An unknown pattern (an old link, a typo) is said, and filters nothing.
        var unknown = await client.GetPageAsync("/praktijkvoorbeelden?faalpatroon=bestaat-niet");
        Assert.Contains("kent de waarde 'bestaat-niet' niet", unknown.Text("main .notice"));
        Assert.Equal((await client.GetPageAsync("/praktijkvoorbeelden")).Text(".result-count"), unknown.Text(".result-count"));
    }

    [Fact]
    public async Task Patterns_are_a_search_facet_and_filter()
    {
        var page = await client.GetPageAsync("/zoeken?q=wijk");
        var facet = page.QuerySelectorAll(".facet").First(f => f.QuerySelector("legend")!.TextContent == "Faalpatroon");
        Assert.Contains(facet.QuerySelectorAll("label"), l => l.TextContent.StartsWith("De hulp erachter is er niet klaar voor (2)"));

        var filtered = await client.GetPageAsync("/zoeken?q=wijk&faalpatroon=hulp-erachter-is-er-niet-klaar-voor");
        Assert.Equal(
            ["/praktijkvoorbeelden/schuldhulp-in-hillesluis", "/praktijkvoorbeelden/wijkwerkplaats-heerlen"],
            filtered.Links(".hit__title a").Order(StringComparer.Ordinal));
        Assert.NotNull(filtered.QuerySelector("input[name=faalpatroon][value=hulp-erachter-is-er-niet-klaar-voor][checked]"));

        var api = await JsonAsync("/api/v1/search?q=wijk&failurePattern=hulp-erachter-is-er-niet-klaar-voor");
        Assert.Equal(2, api.GetProperty("total").GetInt32());
        Assert.Contains(api.GetProperty("facets").GetProperty("failurePattern").EnumerateArray(),
            f => f.GetProperty("label").GetString() == "De hulp erachter is er niet klaar voor");
    }

    [Fact]
    public async Task Api_and_exports_carry_the_patterns_of_a_case_and_the_fields_of_a_pattern()
    {
        var walk = await JsonAsync("/api/v1/cases/wandelgroep-die-stopte");
        Assert.Equal(["geen-eigenaarschap-bij-bewoners", "netwerk-vertrekt-met-de-professional", "project-stopt-als-de-subsidie-stopt"],
            walk.GetProperty("failure_patterns").EnumerateArray().Select(p => p.GetString()!));

        var pattern = await JsonAsync("/api/v1/failure-patterns/project-stopt-als-de-subsidie-stopt");
        Assert.Equal("faalpatroon", pattern.GetProperty("type").GetString());
        Assert.Equal("Wie neemt het over als de subsidie stopt?", pattern.GetProperty("question").GetString());
        Assert.Contains("Bouw de betaalde begeleiding", pattern.GetProperty("what_helps").GetString());
        Assert.Contains("eigenaarschap-bij-de-doelgroep", pattern.GetProperty("principles").EnumerateArray().Select(p => p.GetString()));

        var filtered = await JsonAsync("/api/v1/cases?failurePattern=project-stopt-als-de-subsidie-stopt");
        Assert.Equal("wandelgroep-die-stopte", filtered.GetProperty("items").EnumerateArray().Single().GetProperty("slug").GetString());

        var export = await JsonAsync("/api/v1/export.json");
        var exported = export.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == "wandelgroep-die-stopte");
        Assert.Equal(3, exported.GetProperty("failure_patterns").GetArrayLength());
        Assert.Contains(export.GetProperty("items").EnumerateArray(), i => i.GetProperty("type").GetString() == "faalpatroon");

        var csv = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/api/v1/export.csv"))[3..]).Split("\r\n");
        var header = csv[0].Split(';').ToList();
        var column = header.IndexOf("faalpatronen");
        Assert.True(column > 0);
        var row = csv.Single(l => l.StartsWith("praktijkvoorbeeld;schuldhulp-in-hillesluis;")).Split(';');
        Assert.Equal(header.Count, row.Length);
        Assert.Equal("hulp-erachter-is-er-niet-klaar-voor", row[column]);
    }

    [Fact]
    public async Task An_editor_picks_patterns_in_the_case_form_and_the_pattern_page_lists_the_case()
    {
        var before = await client.GetPageAsync("/faalpatronen/succes-te-vroeg-gemeten");
        Assert.Empty(before.Links("#verwijzingen ~ .cards .card__title a"));
        Assert.Contains("nog geen praktijkvoorbeelden", before.Text("article"));

        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var form = await redacteur.GetPageAsync("/beheer/inhoud/nieuw/praktijkvoorbeeld");
        Assert.NotNull(form.QuerySelector("fieldset#veld-failure_patterns input[type=checkbox][name='f.failure_patterns'][value=succes-te-vroeg-gemeten]"));
        Assert.Contains(form.QuerySelectorAll("legend"), l => l.TextContent.Contains("Faalpatronen"));

        var (response, _) = await EditingTests.PostAsync(redacteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", EditingTests.NewCase("Buurtpreventie na één jaar beoordeeld"),
            ("f.failure_patterns", "succes-te-vroeg-gemeten"), ("actie", "publiceren"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<ContentDb>().Items.OfType<Case>().Include(c => c.FailurePatterns)
                .AsNoTracking().SingleAsync(c => c.Title == "Buurtpreventie na één jaar beoordeeld");
            Assert.Equal(["succes-te-vroeg-gemeten"], saved.FailurePatterns.Select(p => p.Slug));
        }

        var after = await client.GetPageAsync("/faalpatronen/succes-te-vroeg-gemeten");
        Assert.Equal(["/praktijkvoorbeelden/buurtpreventie-na-een-jaar-beoordeeld"], after.Links("#verwijzingen ~ .cards .card__title a"));
        Assert.DoesNotContain("nog geen praktijkvoorbeelden", after.Text("article"));
        Assert.Null(after.QuerySelector(".pattern-themes")); // the themes come from the cases, and this case has none
    }

    private static string Repository() => Kennisplatform.Web.Hosting.SiteFolders.RepositoryRoot()!;
}
