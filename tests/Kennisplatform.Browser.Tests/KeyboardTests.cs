using Microsoft.Playwright;

namespace Kennisplatform.Browser.Tests;

/// <summary>The main flows with a keyboard only: skip to content, search, open a result, filter.</summary>
public class KeyboardTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return (e.id || e.getAttribute('href') || e.textContent || e.tagName).trim(); }");

    /// <summary>Presses Tab until the focused element matches, or fails after <paramref name="limit"/> presses.</summary>
    private static async Task TabToAsync(IPage page, string selector, int limit = 60)
    {
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", selector))
                return;
        }
        Assert.Fail($"'{selector}' was not reached with {limit} presses of Tab; last focus: {await FocusedAsync(page)}");
    }

    [Fact]
    public async Task First_tab_shows_the_skip_link_and_it_moves_focus_to_the_content()
    {
        var page = await site.OpenAsync("/praktijkvoorbeelden");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#inhoud", await FocusedAsync(page));
        var box = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.True(box is { Width: > 10, Height: > 10 } && box.X >= 0 && box.Y >= 0, "The skip link is not visible when focused");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("inhoud", await FocusedAsync(page));
    }

    [Fact]
    public async Task Search_from_the_header_and_open_a_result_with_the_keyboard()
    {
        var page = await site.OpenAsync("/");
        await TabToAsync(page, "#site-zoekterm");
        await page.Keyboard.TypeAsync("eenzaamheid ouderen");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/zoeken?q=*");
        await TabToAsync(page, ".hit__title a");
        var target = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**" + target);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("main h1").TextContentAsync()));
    }

    [Fact]
    public async Task Filter_search_results_with_the_keyboard()
    {
        var page = await site.OpenAsync("/zoeken?q=wijk");
        await TabToAsync(page, "input[type=checkbox][name=uitkomst][value=mislukt]", limit: 150); // past every facet before it
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, ".facets button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**uitkomst=mislukt*");
        Assert.True(await page.Locator(".hit").CountAsync() > 0);
        Assert.True(await page.Locator("input[type=checkbox][name=uitkomst][value=mislukt]").IsCheckedAsync());
    }

    [Fact]
    public async Task Filter_an_overview_with_the_keyboard()
    {
        var page = await site.OpenAsync("/praktijkvoorbeelden");
        // Each value is a link: Tab to it and follow it.
        await TabToAsync(page, "[data-facet=uitkomst] a[href*='uitkomst=mislukt']", limit: 100);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**uitkomst=mislukt*");
        var badges = await page.Locator(".card .outcome-badge").AllTextContentsAsync();
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Equal("Mislukt", b));
    }

    [Fact]
    public async Task Focus_is_always_visible()
    {
        var page = await site.OpenAsync("/");
        for (var i = 0; i < 15; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow; }");
            Assert.False(outline.StartsWith("none") && outline.EndsWith("none"), $"No visible focus on {await FocusedAsync(page)}: {outline}");
        }
    }
}
