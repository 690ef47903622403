using System.Net;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>The back office has its own navigation, and each role sees exactly the entries whose pages admit it.</summary>
public class BackOfficeMenuTests(BackOfficeMenuTests.Factory factory) : IClassFixture<BackOfficeMenuTests.Factory>
{
    public sealed class Factory : SiteFactory;

    [Fact]
    public async Task Each_role_sees_exactly_the_menu_entries_whose_pages_admit_it_and_can_sign_out_from_every_page()
    {
        foreach (var role in Roles.All)
        {
            var (browser, _) = await factory.SignedInAsync(role);
            var dashboard = await browser.GetPageAsync("/beheer");
            var nav = dashboard.QuerySelector("header nav[aria-label=Beheermenu]")!;
            var shown = nav.QuerySelectorAll("a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!)).ToList();
            Assert.NotEmpty(shown);

            // Every entry of the full menu: shown when, and only when, its page opens for this role.
            var linked = new List<string>();
            foreach (var entry in BackOfficeMenu.Entries)
            {
                var href = shown.FirstOrDefault(s => s.Item1 == entry.Label).Item2;
                var path = href ?? await PathOfAsync(entry);
                var response = await browser.GetAsync(path);
                Assert.True((response.StatusCode == HttpStatusCode.OK) == (href is not null), $"{role}: '{entry.Label}' {(href is null ? "hidden" : "shown")} but {path} gave {(int)response.StatusCode}");
                if (href is not null)
                    linked.Add(entry.Label);
            }
            Assert.Equal(shown.Select(s => s.Item1), linked);
            Assert.NotNull(nav.QuerySelector("form[action='/beheer/uitloggen'] button"));
            // Not the public header: no site search, no public sections.
            Assert.Null(dashboard.QuerySelector("#site-zoekterm"));
            Assert.Null(dashboard.QuerySelector("nav[aria-label=Hoofdmenu]"));
        }
    }

    [Theory]
    [InlineData(Roles.Editor, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Author, false)]
    public async Task Aanmeldingen_is_in_the_menu_of_the_roles_that_handle_event_registrations(string role, bool shown)
    {
        var (browser, _) = await factory.SignedInAsync(role);
        var dashboard = await browser.GetPageAsync("/beheer");
        Assert.Equal("Overzicht", dashboard.Text("h1"));
        var entry = dashboard.QuerySelectorAll("nav[aria-label=Beheermenu] a").SingleOrDefault(a => a.TextContent.Trim() == "Aanmeldingen");
        Assert.Equal(shown, entry is not null);
        if (entry is not null)
            Assert.Equal("Aanmeldingen", (await browser.GetPageAsync(entry.GetAttribute("href")!)).Text("h1"));
    }

    private async Task<string> PathOfAsync(BackOfficeMenu.Entry entry)
    {
        // A hidden entry's address, read from the menu of a beheerder (who sees every entry).
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/beheer");
        return page.QuerySelectorAll("nav[aria-label=Beheermenu] a").Single(a => a.TextContent.Trim() == entry.Label).GetAttribute("href")!;
    }

    [Theory]
    [InlineData("/beheer", "Overzicht", "page")]
    [InlineData("/beheer/inhoud", "Inhoud", "page")]
    [InlineData("/beheer/inhoud/nieuw/praktijkvoorbeeld", "Inhoud", "true")]
    [InlineData("/beheer/account", "Mijn account", "page")]
    [InlineData("/beheer/aanmeldingen", "Aanmeldingen", "page")]
    public async Task The_entry_of_the_current_page_is_marked_current_and_no_other(string path, string label, string current)
    {
        var (browser, _) = await factory.SignedInAsync(Roles.Editor);
        var page = await browser.GetPageAsync(path);
        var marked = page.QuerySelectorAll("nav[aria-label=Beheermenu] a[aria-current]").ToList();
        Assert.Equal(label, Assert.Single(marked).TextContent.Trim());
        Assert.Equal(current, marked[0].GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Signed_out_pages_and_accounts_that_must_choose_a_password_get_no_menu_entries()
    {
        var signIn = await factory.NewBrowser().GetPageAsync("/beheer/inloggen");
        Assert.Null(signIn.QuerySelector("nav[aria-label=Beheermenu]"));
        Assert.Null(signIn.QuerySelector("#site-zoekterm"));

        var editor = await factory.CreateEditorAsync($"kiezen-{Guid.NewGuid():N}@example.org", Roles.Editor);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            var stored = (await users.FindByIdAsync(editor.Id))!;
            stored.MustChangePassword = true;
            await users.UpdateAsync(stored);
        }
        var browser = factory.NewBrowser();
        await SiteFactory.SignInAsync(browser, editor.Email!, SiteFactory.EditorPassword);
        var choose = await browser.GetPageAsync(OwnPassword.PagePath);
        var nav = choose.QuerySelector("nav[aria-label=Beheermenu]")!;
        Assert.Empty(nav.QuerySelectorAll("a"));
        Assert.NotNull(nav.QuerySelector("form[action='/beheer/uitloggen'] button"));
    }
}
