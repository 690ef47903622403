using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

public class TwoFactorTests(TwoFactorTests.Factory factory) : IClassFixture<TwoFactorTests.Factory>
{
    public sealed class Factory : SiteFactory;

    /// <summary>An authenticator app's code (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits) for a Base32 key.</summary>
    private static string Totp(string base32Key, DateTimeOffset now)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.ToUpperInvariant().Where(c => c != ' ').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(now.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6");
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PostAsync(HttpClient browser, string path, string handler, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields["__RequestVerificationToken"] = await SiteFactory.TokenAsync(browser, path);
        var response = await browser.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(fields));
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private async Task<DateTime?> LastSignInAsync(string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Editor>>().FindByIdAsync(id))!.LastSignInAt;
    }

    private async Task SetLastSignInAsync(string id, DateTime? at)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        var editor = (await users.FindByIdAsync(id))!;
        editor.LastSignInAt = at;
        await users.UpdateAsync(editor);
    }

    [Fact]
    public async Task With_two_step_sign_in_on_a_password_alone_is_not_enough()
    {
        var (browser, editor) = await factory.SignedInAsync(Roles.Editor);
        var setup = await PostAsync(browser, "/beheer/account", "Start");
        var key = setup.QuerySelector("code.password")!.TextContent;
        Assert.Contains("otpauth://totp/", setup.Text("main"));

        var wrong = await PostAsync(browser, "/beheer/account", "Confirm", new() { ["code"] = "000000" });
        Assert.Contains("klopt niet", wrong.QuerySelector("[role=alert]")!.TextContent);
        var confirmed = await PostAsync(browser, "/beheer/account", "Confirm", new() { ["code"] = Totp(key, DateTimeOffset.UtcNow) });
        var recoveryCodes = confirmed.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        // Signing in again: the password leads to the code step, not into the back office.
        await SetLastSignInAsync(editor.Id, null);
        var next = factory.NewBrowser();
        var afterPassword = await SiteFactory.SignInAsync(next, editor.Email!, SiteFactory.EditorPassword);
        Assert.Equal("/beheer/inloggen/code", afterPassword.Headers.Location!.OriginalString);
        Assert.Contains("/beheer/inloggen", (await next.GetAsync("/beheer")).Headers.Location!.ToString());
        Assert.Null(await LastSignInAsync(editor.Id)); // half signed in is not signed in

        async Task<HttpResponseMessage> CodeAsync(HttpClient client, string code)
        {
            var token = await SiteFactory.TokenAsync(client, "/beheer/inloggen/code");
            return await client.PostAsync("/beheer/inloggen/code", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["__RequestVerificationToken"] = token }));
        }
        Assert.Equal(HttpStatusCode.OK, (await CodeAsync(next, "123456")).StatusCode);
        // The code that confirmed the set-up cannot be used again (replay); the app's next code can.
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(next, Totp(key, DateTimeOffset.UtcNow.AddSeconds(30)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/beheer")).StatusCode);
        // PostgreSQL keeps microseconds, .NET ticks are a tenth of that.
        Assert.Equal(factory.Clock.Now.UtcDateTime, (await LastSignInAsync(editor.Id))!.Value, TimeSpan.FromMilliseconds(1));

        // A recovery code works once.
        var third = factory.NewBrowser();
        await SiteFactory.SignInAsync(third, editor.Email!, SiteFactory.EditorPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(third, recoveryCodes[0])).StatusCode);
        var fourth = factory.NewBrowser();
        await SiteFactory.SignInAsync(fourth, editor.Email!, SiteFactory.EditorPassword);
        Assert.Equal(HttpStatusCode.OK, (await CodeAsync(fourth, recoveryCodes[0])).StatusCode);
    }

    [Fact]
    public async Task An_editor_changes_their_own_password()
    {
        var (browser, editor) = await factory.SignedInAsync(Roles.Author);
        var tooShort = await PostAsync(browser, "/beheer/account", "Password", new() { ["current"] = SiteFactory.EditorPassword, ["password"] = "kort" });
        Assert.Contains("minstens 12 tekens", tooShort.QuerySelector("[role=alert]")!.TextContent);
        var changed = await PostAsync(browser, "/beheer/account", "Password", new() { ["current"] = SiteFactory.EditorPassword, ["password"] = "een heel ander lang wachtwoord" });
        Assert.Contains("gewijzigd", changed.Text("[role=status]"));
        Assert.Equal(HttpStatusCode.OK, (await SiteFactory.SignInAsync(factory.NewBrowser(), editor.Email!, SiteFactory.EditorPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.SignInAsync(factory.NewBrowser(), editor.Email!, "een heel ander lang wachtwoord")).StatusCode);
    }
}
