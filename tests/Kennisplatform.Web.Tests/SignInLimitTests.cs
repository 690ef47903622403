using System.Net;
using AngleSharp.Html.Parser;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// Wrong passwords pause the one who types them, never lock the account; a known and an unknown address cost the
/// same work and get the same answer.
/// </summary>
public class SignInLimitTests(SignInLimitTests.Factory factory) : IClassFixture<SignInLimitTests.Factory>
{
    /// <summary>The site's password hasher, counting how often it checks a password.</summary>
    public sealed class CountingHasher(IPasswordHasher<Editor> inner) : IPasswordHasher<Editor>
    {
        public int Checks;
        public string HashPassword(Editor user, string password) => inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(Editor user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Checks);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    public sealed class Factory : SiteFactory
    {
        public CountingHasher Hasher { get; } = new(TestPasswords.Hasher());

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kennisplatform:SignIn:PerClient", "8");
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<Editor>>(Hasher));
        }
    }

    private static int next = 10;

    /// <summary>A browser on its own network address.</summary>
    private HttpClient FromNewAddress()
    {
        var address = IPAddress.Parse($"198.51.100.{Interlocked.Increment(ref next)}");
        return new HttpClient(new CookieContainerHandler { InnerHandler = factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address) })
        { BaseAddress = new Uri("http://localhost") };
    }

    [Fact]
    public async Task Wrong_passwords_pause_the_one_who_types_them_and_the_editor_still_signs_in_from_elsewhere()
    {
        await factory.CreateEditorAsync("pauze@example.org", Roles.Author);
        var stranger = FromNewAddress();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await SiteFactory.SignInAsync(stranger, "pauze@example.org", "niet het goede wachtwoord")).StatusCode);

        var paused = await SiteFactory.SignInAsync(stranger, "pauze@example.org", SiteFactory.EditorPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, paused.StatusCode);
        Assert.Contains("Wacht 15 minuten", await paused.Content.ReadAsStringAsync());

        // The account is not locked: the editor, on another network, signs in at once.
        Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.SignInAsync(FromNewAddress(), "pauze@example.org", SiteFactory.EditorPassword)).StatusCode);
        // The pause ends with its window.
        factory.Clock.Now = factory.Clock.Now.AddMinutes(16);
        Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.SignInAsync(stranger, "pauze@example.org", SiteFactory.EditorPassword)).StatusCode);
    }

    [Fact]
    public async Task Trying_many_addresses_from_one_network_is_paused_whether_or_not_they_exist()
    {
        var guesser = FromNewAddress();
        for (var i = 0; i < 8; i++)
            Assert.Equal(HttpStatusCode.OK, (await SiteFactory.SignInAsync(guesser, $"gok{i}@example.org", "een gok van een wachtwoord")).StatusCode);
        var paused = await SiteFactory.SignInAsync(guesser, "nog-een@example.org", "een gok van een wachtwoord");
        Assert.Equal(HttpStatusCode.TooManyRequests, paused.StatusCode);
        Assert.Contains("te vaak een verkeerd wachtwoord", await paused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_known_and_an_unknown_address_cost_one_password_check_each_and_get_the_same_answer()
    {
        await factory.CreateEditorAsync("gelijk@example.org", Roles.Author);
        async Task<(int Checks, string Problem)> TryAsync(string email)
        {
            var before = factory.Hasher.Checks;
            var page = await new HtmlParser().ParseDocumentAsync(
                await (await SiteFactory.SignInAsync(FromNewAddress(), email, "verkeerd maar lang genoeg")).Content.ReadAsStringAsync());
            return (factory.Hasher.Checks - before, page.QuerySelector("[role=alert]")?.TextContent.Trim() ?? "");
        }
        var known = await TryAsync("gelijk@example.org");
        var unknown = await TryAsync("niet-bekend@example.org");
        Assert.Equal(1, known.Checks);
        Assert.Equal(known, unknown);
        Assert.Contains("klopt niet", known.Problem);
    }
}
