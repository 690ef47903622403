namespace Kennisplatform.Browser.Tests;

/// <summary>On a phone the overview's filters come before the results, folded; on a wide screen, and once chosen, they are open.</summary>
public class OverviewFilterLayoutTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task On_a_phone_the_filters_are_folded_above_the_results_and_open_when_tapped()
    {
        var page = await site.OpenAsync("/praktijkvoorbeelden", width: 320);
        var summary = page.Locator("details.filters > summary");
        Assert.True(await summary.IsVisibleAsync());
        Assert.False(await page.Locator("details.filters [data-facet=uitkomst] a[data-count]").First.IsVisibleAsync());
        var summaryTop = (await summary.BoundingBoxAsync())!.Y;
        Assert.True(summaryTop < (await page.Locator(".result-count").BoundingBoxAsync())!.Y);
        await summary.ClickAsync();
        Assert.True(await page.Locator("details.filters [data-facet=uitkomst] a[data-count]").First.IsVisibleAsync());
        await page.CloseAsync();

        var chosen = await site.OpenAsync("/praktijkvoorbeelden?uitkomst=mislukt", width: 320);
        Assert.True(await chosen.Locator("details.filters [data-facet=uitkomst] a[data-count]").First.IsVisibleAsync(), "a chosen filter stays in view");
        await chosen.CloseAsync();

        var wide = await site.OpenAsync("/praktijkvoorbeelden");
        Assert.True(await wide.Locator("details.filters [data-facet=uitkomst] a[data-count]").First.IsVisibleAsync());
        await wide.CloseAsync();
    }
}
