using Kennisplatform.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kennisplatform.Browser.Tests;

/// <summary>The first-administrator page, on a site of its own that has no administrator yet.</summary>
public class SetupPageTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_setup_page_is_accessible_and_valid_with_and_without_errors_and_signs_the_new_administrator_in()
    {
        string path;
        await using (var scope = site.Services.CreateAsyncScope())
            path = "/beheer/installeren?code=" + await scope.ServiceProvider.GetRequiredService<SetupLink>().IssueAsync();
        var pages = new List<(string Label, string Html)>();
        foreach (var width in new[] { 1280, 320 })
        {
            var page = await site.OpenAsync(path, width);
            pages.Add(($"{path} at {width}", await page.ContentAsync())); // before axe adds its script
            Assert.Empty(await Checks.AxeAsync(page));
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width);
            await page.CloseAsync();
        }

        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL", BypassCSP = true });
        var form = await context.NewPageAsync();
        await form.GotoAsync(site.BaseUrl + path);
        await form.FillAsync("#Name", "Eerste Beheerder");
        await form.FillAsync("#Email", "eerste@example.org");
        await form.FillAsync("#Password", "te kort");
        await form.FillAsync("#Repeat", "anders");
        await form.ClickAsync("form.login-form button[type=submit]");
        await form.WaitForSelectorAsync("#herhaal-fout:has-text('niet gelijk')");
        pages.Add(("setup form with errors", await form.ContentAsync()));
        Assert.Empty(await Checks.AxeAsync(form));

        await form.FillAsync("#Password", "een lange zin als wachtwoord");
        await form.FillAsync("#Repeat", "een lange zin als wachtwoord");
        await form.ClickAsync("form.login-form button[type=submit]");
        await form.WaitForURLAsync("**/beheer");
        Assert.Contains("Eerste Beheerder", await form.InnerTextAsync("body"));
        await context.CloseAsync();

        var messages = await Checks.ValidateAsync(pages);
        Assert.True(messages.Count == 0, string.Join('\n', messages));
    }
}
