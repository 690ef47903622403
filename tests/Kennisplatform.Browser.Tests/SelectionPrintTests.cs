using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kennisplatform.Browser.Tests;

/// <summary>"Mijn selectie" on paper: a clean handout with titles, key facts and the address of each item, and no site furniture.</summary>
public partial class SelectionPrintTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();

    [Fact]
    public async Task The_printed_selection_shows_titles_facts_and_addresses_and_nothing_to_click()
    {
        var page = await site.OpenAsync("/selectie?praktijkvoorbeeld=buurtkamer-de-linde&praktijkvoorbeeld=schuldhulp-in-hillesluis&interventie=taalcafe&interventie=buurtkamer&wijkschakelaar=henk-bewonersvereniging");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (var furniture in new[] { ".site-header", ".site-footer", ".breadcrumbs", ".selection__share", ".selection-item__remove", ".selection-add" })
            Assert.False(await page.IsVisibleAsync(furniture), $"{furniture} is printed");
        Assert.True(await page.IsVisibleAsync(".selection__source"), "the handout does not say where it comes from");

        var items = page.Locator(".selection-item");
        Assert.Equal(5, await items.CountAsync());
        for (var n = 0; n < 5; n++)
        {
            var item = items.Nth(n);
            Assert.True(await item.Locator(".selection-item__title").IsVisibleAsync());
            Assert.Matches("^https?://", (await item.Locator(".selection-item__url").TextContentAsync())!.Trim());
            Assert.True(await item.Locator(".selection-item__url").IsVisibleAsync());
            Assert.True(await item.Locator(".facts").CountAsync() == 1, $"item {n + 1} prints no key facts");
        }
        Assert.False(await page.IsVisibleAsync(".ladder__explain"), "the evidence badge prints its explain link");

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = false });
        await page.CloseAsync();
        var pages = PdfPage().Matches(Encoding.Latin1.GetString(pdf)).Count;
        Assert.InRange(pages, 1, 3); // five items fit on a few sheets; a broken print style runs to many more
    }
}
