using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// Passkeys over HTTP with a software authenticator: what the server asks for, what it stores, and that it refuses
/// a wrong origin, a broken signature, an answer without a challenge, a replay, and nonsense.
/// (The browser test drives the same pages through Chromium's own WebAuthn.)
/// </summary>
public class PasskeyTests(PasskeyTests.Factory factory) : IClassFixture<PasskeyTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private static async Task<JsonElement> OptionsAsync(HttpClient browser, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{path}?handler=PasskeyOptions");
        request.Headers.Add("RequestVerificationToken", await SiteFactory.TokenAsync(browser, path));
        var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await SiteFactory.TokenAsync(browser, path);
        return await FormPostAsync(browser, $"{path}?handler={handler}", fields);
    }

    /// <summary>A form post as a browser sends it, Origin header included: Identity matches the passkey's origin against it.</summary>
    private static async Task<HttpResponseMessage> FormPostAsync(HttpClient browser, string url, Dictionary<string, string> fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", "http://localhost");
        return await browser.SendAsync(request);
    }

    private static async Task<string> MainTextAsync(HttpResponseMessage response) =>
        (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector("main")!.TextContent;

    /// <summary>An editor with one passkey made through the account page.</summary>
    private async Task<(Editor Editor, SoftwareAuthenticator Authenticator)> EditorWithPasskeyAsync(string name)
    {
        var (browser, editor) = await factory.SignedInAsync(Roles.Author);
        var authenticator = new SoftwareAuthenticator();
        var credential = authenticator.Create((await OptionsAsync(browser, "/beheer/account")).GetRawText());
        var added = await PostAsync(browser, "/beheer/account", "AddPasskey", new() { ["credential"] = credential, ["name"] = name });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var text = await MainTextAsync(added);
        Assert.True(text.Contains("is toegevoegd"), System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "));
        return (editor, authenticator);
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpClient stranger, SoftwareAuthenticator authenticator)
    {
        var options = await OptionsAsync(stranger, "/beheer/inloggen");
        return await PostAsync(stranger, "/beheer/inloggen", "Passkey", new() { ["credential"] = authenticator.Get(options.GetRawText()) });
    }

    [Fact]
    public async Task The_server_asks_for_a_discoverable_verified_passkey_for_this_host_and_this_account()
    {
        var (browser, editor) = await factory.SignedInAsync(Roles.Author);
        var options = await OptionsAsync(browser, "/beheer/account");
        Assert.Equal("localhost", options.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal(editor.Email, options.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal("required", options.GetProperty("authenticatorSelection").GetProperty("userVerification").GetString());
        Assert.Equal("required", options.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString());
        Assert.True(System.Buffers.Text.Base64Url.DecodeFromChars(options.GetProperty("challenge").GetString()).Length >= 16);

        // Without the antiforgery header the options are refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/beheer/account?handler=PasskeyOptions", null)).StatusCode);
        // Anonymous visitors get no creation options at all.
        var stranger = factory.NewBrowser();
        var anonymous = new HttpRequestMessage(HttpMethod.Post, "/beheer/account?handler=PasskeyOptions");
        anonymous.Headers.Add("RequestVerificationToken", await SiteFactory.TokenAsync(stranger, "/beheer/inloggen"));
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.SendAsync(anonymous)).StatusCode);
    }

    [Fact]
    public async Task A_passkey_made_on_the_account_page_signs_its_owner_in_without_a_password()
    {
        var (editor, authenticator) = await EditorWithPasskeyAsync("Telefoon\u0007 van het werk");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            var stored = Assert.Single(await users.GetPasskeysAsync((await users.FindByIdAsync(editor.Id))!));
            Assert.Equal("Telefoon van het werk", stored.Name); // control characters dropped
            Assert.True(stored.IsUserVerified);
        }

        var stranger = factory.NewBrowser();
        var signedIn = await SignInAsync(stranger, authenticator);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/beheer", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/beheer")).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            Assert.NotNull((await users.FindByIdAsync(editor.Id))!.LastSignInAt);
        }

        // The users page tells the beheerder how each account signs in.
        var (admin, beheerder) = await factory.SignedInAsync(Roles.Administrator);
        var list = await new HtmlParser().ParseDocumentAsync(await admin.GetStringAsync("/beheer/gebruikers"));
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(editor.Email!));
        Assert.Contains("passkey", row.TextContent);
        Assert.Contains("alleen wachtwoord", list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(beheerder.Email!)).TextContent);
    }

    [Fact]
    public async Task Wrong_origin_broken_signature_missing_challenge_and_nonsense_are_refused_in_Dutch()
    {
        var (_, authenticator) = await EditorWithPasskeyAsync("Sleutel");

        async Task RefusedAsync(HttpClient stranger, HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("niet gelukt", await MainTextAsync(response));
            Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/beheer")).StatusCode);
        }

        authenticator.Origin = "http://localhost.evil.example";
        var phished = factory.NewBrowser();
        await RefusedAsync(phished, await SignInAsync(phished, authenticator));
        authenticator.Origin = "http://localhost";

        authenticator.BreakSignature = true;
        var forged = factory.NewBrowser();
        await RefusedAsync(forged, await SignInAsync(forged, authenticator));
        authenticator.BreakSignature = false;

        // An answer to a challenge this browser never received (another browser's options).
        var other = factory.NewBrowser();
        var otherOptions = await OptionsAsync(other, "/beheer/inloggen");
        var fresh = factory.NewBrowser();
        await RefusedAsync(fresh, await PostAsync(fresh, "/beheer/inloggen", "Passkey", new() { ["credential"] = authenticator.Get(otherOptions.GetRawText()) }));

        var nonsense = factory.NewBrowser();
        await OptionsAsync(nonsense, "/beheer/inloggen");
        await RefusedAsync(nonsense, await PostAsync(nonsense, "/beheer/inloggen", "Passkey", new() { ["credential"] = "{\"id\":\"x\",\"response\":{}}" }));

        // And the honest answer still works after all that.
        var honest = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(honest, authenticator)).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_answer_cannot_be_replayed()
    {
        var (_, authenticator) = await EditorWithPasskeyAsync("Sleutel");
        var first = factory.NewBrowser();
        var options = await OptionsAsync(first, "/beheer/inloggen");
        var credential = authenticator.Get(options.GetRawText());
        var token = await SiteFactory.TokenAsync(first, "/beheer/inloggen");
        var form = new Dictionary<string, string> { ["credential"] = credential, ["__RequestVerificationToken"] = token };
        Assert.Equal(HttpStatusCode.Redirect, (await FormPostAsync(first, "/beheer/inloggen?handler=Passkey", form)).StatusCode);

        // A second browser posting the captured answer has no challenge to match it.
        var thief = factory.NewBrowser();
        form["__RequestVerificationToken"] = await SiteFactory.TokenAsync(thief, "/beheer/inloggen");
        var replay = await FormPostAsync(thief, "/beheer/inloggen?handler=Passkey", form);
        Assert.Contains("niet gelukt", await MainTextAsync(replay));
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/beheer")).StatusCode);
    }

    [Fact]
    public async Task A_nonsense_passkey_is_not_added_and_the_page_says_so()
    {
        var (browser, editor) = await factory.SignedInAsync(Roles.Author);
        // A real answer, but to a challenge another browser of the same editor asked for: no challenge underway here.
        var second = factory.NewBrowser();
        await SiteFactory.SignInAsync(second, editor.Email!, SiteFactory.EditorPassword);
        var elsewhere = new SoftwareAuthenticator().Create((await OptionsAsync(second, "/beheer/account")).GetRawText());
        var early = await PostAsync(browser, "/beheer/account", "AddPasskey", new() { ["credential"] = elsewhere, ["name"] = "Elders" });
        Assert.Contains("kon niet worden toegevoegd", await MainTextAsync(early));

        await OptionsAsync(browser, "/beheer/account");
        var response = await PostAsync(browser, "/beheer/account", "AddPasskey", new() { ["credential"] = "{\"id\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\",\"attestationObject\":\"oA\"}}", ["name"] = "Nep" });
        Assert.Contains("kon niet worden toegevoegd", await MainTextAsync(response));
        var empty = await PostAsync(browser, "/beheer/account", "AddPasskey", new() { ["credential"] = "", ["name"] = "Leeg" });
        Assert.Contains("JavaScript", await MainTextAsync(empty));
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        Assert.Empty(await users.GetPasskeysAsync((await users.FindByIdAsync(editor.Id))!));
    }
}
