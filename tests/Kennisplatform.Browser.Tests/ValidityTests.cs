namespace Kennisplatform.Browser.Tests;

/// <summary>Every page type through the Nu HTML Checker (vnu-jar, the W3C validator's engine): no errors.</summary>
public class ValidityTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Every_page_type_is_valid_html()
    {
        var pages = new List<(string Label, string Html)>();
        foreach (var path in PageTypes.Paths())
        {
            using var response = await site.Http.GetAsync(path);
            pages.Add((path, await response.Content.ReadAsStringAsync()));
        }
        // The back office, as a signed-in beheerder sees it (the HTML as served, not as scripts changed it).
        var context = await site.SignedInContextAsync(Kennisplatform.Web.Accounts.Roles.Administrator);
        foreach (var path in AccessibilityTests.BackOfficePaths())
        {
            var response = await context.APIRequest.GetAsync(site.BaseUrl + path);
            pages.Add((path, await response.TextAsync()));
        }
        await context.CloseAsync();

        var messages = await Checks.ValidateAsync(pages);
        Assert.True(messages.Count == 0, string.Join('\n', messages));
    }
}
