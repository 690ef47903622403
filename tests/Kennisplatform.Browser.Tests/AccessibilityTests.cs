using Microsoft.Playwright;

namespace Kennisplatform.Browser.Tests;

/// <summary>axe-core in Chromium on every page type, on a wide screen and at 320 px: any violation fails.</summary>
public class AccessibilityTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static Task<List<string>> AxeAsync(IPage page) => Checks.AxeAsync(page);

    [Theory]
    [MemberData(nameof(PageTypes.All), MemberType = typeof(PageTypes))]
    public async Task No_axe_violations_on_a_wide_screen(string path)
    {
        var page = await site.OpenAsync(path);
        var violations = await AxeAsync(page);
        await page.CloseAsync();
        Assert.True(violations.Count == 0, $"{path}:\n" + string.Join('\n', violations));
    }

    public static readonly TheoryData<string> BackOfficePages = new(BackOfficePaths());

    public static string[] BackOfficePaths() => [
        "/beheer", "/beheer/inhoud", "/beheer/inhoud?soort=praktijkvoorbeeld&status=gepubliceerd", "/beheer/inhoud/nieuw/praktijkvoorbeeld",
        "/beheer/inhoud/nieuw/bijeenkomst", "/beheer/inhoud/nieuw/interventie", "/beheer/inhoud/nieuw/faalpatroon", "/beheer/gebruikers",
        "/beheer/inhoud/1", "/beheer/inhoud/20", "/beheer/inhoud/20/versies?van=1&naar=1", "/beheer/inhoud/20/voorbeeld", "/beheer/logboek", "/beheer/media", "/beheer/account", "/beheer/zoekwoorden",
        "/beheer/geprobeerd", "/beheer/inzendingen", "/beheer/vervolgen", "/beheer/aanmeldingen"];

    [Theory]
    [MemberData(nameof(BackOfficePages))]
    public async Task No_axe_violations_in_the_back_office(string path)
    {
        var context = await site.SignedInContextAsync(Kennisplatform.Web.Accounts.Roles.Administrator);
        var problems = new List<string>();
        foreach (var width in new[] { 1280, 320 })
            problems.AddRange((await Checks.AtWidthAsync(context, site.BaseUrl + path, width)).Problems);
        await context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task No_axe_violations_on_an_edit_form_showing_errors()
    {
        var context = await site.SignedInContextAsync(Kennisplatform.Web.Accounts.Roles.Editor);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/beheer/inhoud/nieuw/praktijkvoorbeeld");
        await page.FillAsync("#veld-title", "Zonder uitkomst");
        await page.FillAsync("#veld-start_year", "1800");
        await page.ClickAsync("button[value=opslaan]");
        await page.WaitForSelectorAsync("#fout-start_year");
        Assert.NotNull(await page.QuerySelectorAsync("#checklist"));
        var violations = await AxeAsync(page);
        await context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Theory]
    [MemberData(nameof(PageTypes.All), MemberType = typeof(PageTypes))]
    public async Task No_axe_violations_and_no_sideways_scrolling_at_320_pixels(string path)
    {
        var page = await site.OpenAsync(path, width: 320);
        var violations = await AxeAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var tooWide = await page.EvaluateAsync<string>(
            "() => Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > innerWidth + 0.5 || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'))" +
            ".slice(-4).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ends at ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        await page.CloseAsync();
        Assert.True(violations.Count == 0, $"{path} at 320 px:\n" + string.Join('\n', violations));
        Assert.True(scrollWidth <= 320, $"{path} is {scrollWidth} px wide at a 320 px viewport (WCAG 1.4.10 reflow): {tooWide}");
    }
}
