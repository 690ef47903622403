using System.Xml.Linq;

namespace Kennisplatform.Web.Tests;

/// <summary>What a visitor notices: the home page leads with search and shows every kind, events and feeds behave.</summary>
public class SmallThingsTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient client = factory.CreatePlainClient();

    [Fact]
    public async Task Home_leads_with_a_search_box_and_shows_interventions_connectors_and_events()
    {
        var page = await client.GetPageAsync("/");
        var intro = page.QuerySelector(".intro")!;
        Assert.Equal("/zoeken", intro.QuerySelector("form.home-search")!.GetAttribute("action"));
        Assert.Equal("home-zoekterm", intro.QuerySelector("form.home-search input[type=search][name=q]")!.Id);
        Assert.NotNull(intro.QuerySelector("form.home-search label[for=home-zoekterm]"));
        Assert.True(intro.QuerySelectorAll("p").Length <= 2, "the home page says what it is in at most two paragraphs before the content");
        Assert.Equal(3, page.QuerySelectorAll("#home-interventies ~ .cards .card").Length);
        Assert.Equal(3, page.QuerySelectorAll("#home-schakelaars ~ .cards .card").Length);
        Assert.NotEmpty(page.QuerySelectorAll("#home-interventies ~ .cards .ladder__position"));
        Assert.NotEmpty(page.Links("#agenda ~ .cards a[href^='/bijeenkomsten/']"));
    }

    [Fact]
    public async Task A_past_event_offers_no_agenda_file_and_the_events_page_offers_the_subscription()
    {
        var past = await client.GetPageAsync("/bijeenkomsten/venserpolder-dialogen");
        Assert.Contains("geweest", past.Text(".notice"));
        Assert.Empty(past.Links("a[href$='.ics']"));
        var overview = await client.GetPageAsync("/bijeenkomsten");
        var agenda = Assert.Single(overview.Links("main a[href='/bijeenkomsten/agenda.ics']"));
        using var response = await client.GetAsync(agenda);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_theme_page_links_its_own_feed()
    {
        var page = await client.GetPageAsync("/themas/eenzaamheid");
        var feed = Assert.Single(page.Links("main a[href$='.atom']"));
        Assert.Equal("/feeds/themas/eenzaamheid.atom", feed);
        using var response = await client.GetAsync(feed);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_feed_entry_is_updated_when_the_item_last_changed_not_when_it_was_imported()
    {
        var feed = XDocument.Parse(await client.GetStringAsync("/feeds/praktijkvoorbeelden.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Descendants(atom + "entry").Single(e => e.Element(atom + "link")!.Attribute("href")!.Value.EndsWith("/praktijkvoorbeelden/bewoners-beheren-de-speeltuin"));
        // Imported today, published (front matter) on 18 August 2026: the entry says when the text really changed.
        var updated = DateTimeOffset.Parse(entry.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
        Assert.Equal(new DateTime(2026, 8, 18), Kennisplatform.Content.Model.DutchTime.ToLocal(updated).Date);
    }
}
