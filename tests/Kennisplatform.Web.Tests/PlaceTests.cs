using Kennisplatform.Content.Model;
using Kennisplatform.Web.Places;

namespace Kennisplatform.Web.Tests;

/// <summary>/gemeenten: everything per municipality and neighbourhood, read from the items themselves.</summary>
public class PlaceTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient client = factory.CreatePlainClient();

    [Fact]
    public async Task Municipalities_are_listed_with_counts_and_their_neighbourhoods()
    {
        var page = await client.GetPageAsync("/gemeenten");
        var utrecht = page.QuerySelectorAll(".place-card").Single(c => c.QuerySelector("h2")!.TextContent == "Utrecht");
        Assert.Equal("1 praktijkvoorbeeld, 1 bijeenkomst", utrecht.QuerySelector(".place-card__counts")!.TextContent);
        Assert.Equal(["/gemeenten/utrecht/kanaleneiland", "/gemeenten/utrecht/overvecht"],
            utrecht.QuerySelectorAll(".place-card__wijken a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Den Haag", page.QuerySelectorAll(".place-card h2").Select(h => h.TextContent));
    }

    [Fact]
    public async Task Every_case_connector_and_event_with_a_place_links_to_a_place_page_that_lists_it()
    {
        foreach (var section in new[] { "praktijkvoorbeelden", "wijkschakelaars", "bijeenkomsten" })
        {
            var overview = await client.GetPageAsync("/" + section);
            foreach (var link in overview.Links(".cards .card__title a"))
            {
                var detail = await client.GetPageAsync(link);
                var placeLink = detail.QuerySelector(".item-actions a[href^='/gemeenten/']")?.GetAttribute("href");
                if (placeLink is null)
                {
                    Assert.Contains("Online", detail.Text("main")); // only online events have no place
                    continue;
                }
                var place = await client.GetPageAsync(placeLink);
                Assert.Contains(link, place.Links(".cards .card__title a"));
                Assert.Equal(place.Text("h1").Split(" in ")[0], place.Text(".breadcrumbs [aria-current=page]"));
            }
        }
    }

    [Fact]
    public async Task A_neighbourhood_page_names_its_cbs_code_and_links_to_the_official_figures()
    {
        var page = await client.GetPageAsync("/gemeenten/rotterdam/hillesluis");
        Assert.Contains("Hillesluis", page.Text("h1"));
        Assert.Equal(["/gemeenten", "/gemeenten/rotterdam"], page.Links(".breadcrumbs a").Skip(1));
        Assert.NotEmpty(page.QuerySelectorAll("#praktijk ~ .cards .outcome-badge"));
        Assert.NotEmpty(page.Links("#schakelaars ~ .cards a[href='/wijkschakelaars/priya-opbouwwerker']"));
        // The figures of this very area, not only the table of every area in the country.
        Assert.Equal(["https://www.cbs.nl/nl-nl/cijfers/detail/85984NED?q=WK059915"], page.Links(".figures__areas a"));
        Assert.Contains("wijk WK059915", page.Text(".figures__areas"));
        Assert.Contains(new PlaceOptions().FiguresUrl, page.Links(".figures a"));

        var municipality = await client.GetPageAsync("/gemeenten/rotterdam");
        Assert.Equal(["https://www.cbs.nl/nl-nl/cijfers/detail/85984NED?q=GM0599"], municipality.Links(".figures__areas a"));
        Assert.Contains("gemeente GM0599", municipality.Text(".figures__areas"));
        Assert.Contains("/interventies/schuldhulp-aan-de-keukentafel", municipality.Links("#interventies ~ ul a"));
    }

    [Fact]
    public async Task A_municipality_code_shows_on_the_municipality_page_but_never_as_the_figures_of_a_neighbourhood()
    {
        var utrecht = await client.GetPageAsync("/gemeenten/utrecht");
        Assert.Equal(["https://www.cbs.nl/nl-nl/cijfers/detail/85984NED?q=GM0344"], utrecht.Links(".figures__areas a"));
        // Kanaleneiland's case names only the municipality: no figures are claimed for the neighbourhood.
        var kanaleneiland = await client.GetPageAsync("/gemeenten/utrecht/kanaleneiland");
        Assert.Null(kanaleneiland.QuerySelector(".figures"));
        // A place without any known code offers no figures rather than a guess.
        Assert.Null((await client.GetPageAsync("/gemeenten/heerlen")).QuerySelector(".figures"));
    }

    [Theory]
    [InlineData("WK059915", "wijk", true)]
    [InlineData("BU05991501", "buurt", true)]
    [InlineData("GM0599", "gemeente", false)]
    public void An_area_code_says_what_kind_of_area_it_names(string code, string kind, bool insideMunicipality)
    {
        Assert.Equal(kind, PlaceRules.AreaKind(code));
        Assert.Equal(insideMunicipality, PlaceRules.IsNeighbourhoodCode(code));
        Assert.Equal("GM0599", PlaceRules.MunicipalityCode(code));
    }

    [Theory]
    [InlineData("/gemeenten/nergensdorp")]
    [InlineData("/gemeenten/utrecht/nergenswijk")]
    [InlineData("/gemeenten/%27%3Cscript%3E")]
    public async Task An_unknown_place_is_not_found(string url) => await client.GetPageAsync(url, 404);

    [Theory]
    [InlineData("Arnhem, Presikhaaf", "Arnhem", "Presikhaaf")]
    [InlineData("  Den Haag ", "Den Haag", "")]
    [InlineData("Amsterdam, Venserpolder, blok 3", "Amsterdam", "Venserpolder, blok 3")]
    [InlineData("Amsterdam Zuidoost", "Amsterdam", "Zuidoost")]
    [InlineData("Bergen op Zoom", "Bergen op Zoom", "")]
    public void A_place_is_the_municipality_before_the_first_comma(string text, string municipality, string neighbourhood)
    {
        var place = PlaceRules.Split(text)!;
        Assert.Equal((municipality, neighbourhood), (place.Municipality, place.Neighbourhood));
        Assert.Equal(SlugRules.FromTitle(municipality), place.MunicipalitySlug);
        Assert.Null(PlaceRules.Split(""));
        Assert.Equal("GM0599", PlaceRules.MunicipalityCode("WK059915"));
        Assert.Equal("GM0599", PlaceRules.MunicipalityCode("BU05991501"));
    }
}
