using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kennisplatform.Browser.Tests;

/// <summary>
/// Passkeys end to end in Chromium with its virtual authenticator (DevTools WebAuthn domain): a real WebAuthn
/// ceremony, real keys, the site's own passkeys.js. The site is opened as localhost, because WebAuthn refuses IP
/// addresses as a relying party.
/// </summary>
public class PasskeyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private string Origin => site.BaseUrl.Replace("127.0.0.1", "localhost");

    private static async Task AddAuthenticatorAsync(IPage page)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
    }

    [Fact]
    public async Task An_editor_adds_a_passkey_signs_in_with_it_alone_and_loses_it_when_removed_or_disabled()
    {
        var (context, editor) = await site.SignedInAsync(Roles.Author, Origin);
        var page = await context.NewPageAsync();
        await AddAuthenticatorAsync(page);

        await page.GotoAsync(Origin + "/beheer/account");
        Assert.True(await page.IsVisibleAsync("form[data-passkey=create]"));
        Assert.False(await page.IsVisibleAsync("[data-passkey-fallback]"));
        await page.FillAsync("#passkey-naam", "Laptop test");
        await page.ClickAsync("form[data-passkey=create] button[type=submit]");
        await page.WaitForSelectorAsync("[role=status] >> text=is toegevoegd");
        Assert.Contains("Laptop test", await page.InnerTextAsync(".passkey-table"));
        Assert.Empty(await Checks.AxeAsync(page));

        // Signed out, then in again with nothing typed: the passkey alone, no password, no e-mail address.
        await page.GotoAsync(Origin + "/beheer");
        await page.ClickAsync("form[action='/beheer/uitloggen'] button");
        await page.GotoAsync(Origin + "/beheer/inloggen?ReturnUrl=%2Fbeheer%2Faccount");
        Assert.Empty(await Checks.AxeAsync(page));
        await page.ClickAsync("text=Inloggen met een passkey");
        await page.WaitForURLAsync("**/beheer/account");
        Assert.Contains("Laptop test", await page.InnerTextAsync(".passkey-table"));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            var stored = (await users.FindByIdAsync(editor.Id))!;
            Assert.NotNull(stored.LastSignInAt);
            Assert.Single(await users.GetPasskeysAsync(stored));
        }

        // A disabled account cannot get in with its passkey.
        await page.GotoAsync(Origin + "/beheer");
        await page.ClickAsync("form[action='/beheer/uitloggen'] button");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            var stored = (await users.FindByIdAsync(editor.Id))!;
            await users.SetLockoutEndDateAsync(stored, DateTimeOffset.MaxValue);
        }
        await page.GotoAsync(Origin + "/beheer/inloggen");
        await page.ClickAsync("text=Inloggen met een passkey");
        await page.WaitForSelectorAsync("[role=alert] >> text=Je account is geblokkeerd");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(editor.Id))!, null);
        }

        // Removed on the site: the authenticator still offers it, the site no longer accepts it.
        await page.FillAsync("#Email", editor.Email!);
        await page.FillAsync("#Password", BrowserSite.Password);
        await page.ClickAsync("form.login-form button[type=submit]");
        await page.WaitForURLAsync("**/beheer");
        await page.GotoAsync(Origin + "/beheer/account");
        await page.ClickAsync(".passkey-table button:has-text('Verwijder')");
        await page.WaitForSelectorAsync("[role=status] >> text=is verwijderd");
        await page.GotoAsync(Origin + "/beheer");
        await page.ClickAsync("form[action='/beheer/uitloggen'] button");
        await page.GotoAsync(Origin + "/beheer/inloggen");
        await page.ClickAsync("text=Inloggen met een passkey");
        await page.WaitForSelectorAsync("[role=alert] >> text=niet gelukt");
        Assert.EndsWith("/beheer/inloggen?handler=Passkey", page.Url);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_passkey_forms_stay_hidden_and_a_hint_explains_why()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Origin + "/beheer/inloggen");
        Assert.False(await page.IsVisibleAsync("form[data-passkey]"));
        Assert.True(await page.IsVisibleAsync("form.login-form"));
        await context.CloseAsync();
    }
}
