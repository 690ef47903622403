using System.Net;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// What a beheerder does to an account reaches a browser that is already signed in: at its next back-office request, and
/// elsewhere within a minute, as the session is checked against the database at least once a minute (the site's clock
/// is moved on, nobody waits a minute).
/// </summary>
public class OpenSessionTests(OpenSessionTests.Factory factory) : IClassFixture<OpenSessionTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private static readonly TimeSpan JustOverAMinute = TimeSpan.FromSeconds(61);

    private async Task PostUsersFormAsync(HttpClient admin, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await SiteFactory.TokenAsync(admin, "/beheer/gebruikers");
        var response = await admin.PostAsync($"/beheer/gebruikers?handler={handler}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task AssertSignedOutAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/beheer/inloggen", response.Headers.Location!.ToString());
    }

    [Fact]
    public void The_session_check_interval_is_at_most_a_minute()
    {
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        Assert.True(options.ValidationInterval <= TimeSpan.FromMinutes(1), $"sessions are checked every {options.ValidationInterval}");
    }

    [Fact]
    public async Task In_the_back_office_a_disabled_or_demoted_account_is_signed_out_at_its_next_request()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        var (redacteur, editor) = await factory.SignedInAsync(Roles.Editor);
        var (demoted, other) = await factory.SignedInAsync(Roles.Administrator);
        await redacteur.GetPageAsync("/beheer/inhoud");
        await demoted.GetPageAsync("/beheer/gebruikers");

        // No clock moved: the back office compares the account's stamp on every request.
        await PostUsersFormAsync(admin, "Disable", new() { ["id"] = editor.Id });
        await AssertSignedOutAsync(redacteur, "/beheer/inhoud");
        await PostUsersFormAsync(admin, "Role", new() { ["id"] = other.Id, ["role"] = Roles.Author });
        await AssertSignedOutAsync(demoted, "/beheer/gebruikers");
        // The beheerder who made the changes is still signed in.
        await admin.GetPageAsync("/beheer/gebruikers");
    }

    [Fact]
    public async Task A_disabled_account_loses_its_open_session_within_a_minute()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        var (redacteur, editor) = await factory.SignedInAsync(Roles.Editor);
        await redacteur.GetPageAsync("/beheer/inhoud");

        await PostUsersFormAsync(admin, "Disable", new() { ["id"] = editor.Id });
        factory.Clock.Now += JustOverAMinute;

        await AssertSignedOutAsync(redacteur, "/beheer/inhoud");
        // Signing out did not just drop a cookie: the account cannot sign in again either.
        Assert.Equal(HttpStatusCode.OK, (await SiteFactory.SignInAsync(factory.NewBrowser(), editor.Email!, SiteFactory.EditorPassword)).StatusCode);
    }

    [Fact]
    public async Task A_removed_account_loses_its_open_session_within_a_minute()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        var (auteur, editor) = await factory.SignedInAsync(Roles.Author);
        await auteur.GetPageAsync("/beheer");

        // The beheerder confirms on the page the "Verwijderen" link opens; that form posts.
        var list = await admin.GetPageAsync("/beheer/gebruikers");
        var confirm = await admin.GetPageAsync(list.Links("a[href*='verwijderen=']").Single(l => l.EndsWith(editor.Id)));
        var form = confirm.QuerySelector("form[action*='handler=Remove']")!;
        var removed = await admin.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        factory.Clock.Now += JustOverAMinute;

        await AssertSignedOutAsync(auteur, "/beheer");
        Assert.Equal(HttpStatusCode.OK, (await SiteFactory.SignInAsync(factory.NewBrowser(), editor.Email!, SiteFactory.EditorPassword)).StatusCode);
    }

    [Fact]
    public async Task A_role_change_reaches_an_open_session_within_a_minute()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        var (demoted, editor) = await factory.SignedInAsync(Roles.Administrator);
        await demoted.GetPageAsync("/beheer/gebruikers");

        await PostUsersFormAsync(admin, "Role", new() { ["id"] = editor.Id, ["role"] = Roles.Author });
        factory.Clock.Now += JustOverAMinute;

        await AssertSignedOutAsync(demoted, "/beheer/gebruikers");
        // Signed in again, the account has the new role and nothing more.
        var again = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.SignInAsync(again, editor.Email!, SiteFactory.EditorPassword)).StatusCode);
        var refused = await again.GetAsync("/beheer/gebruikers");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("http://localhost/beheer/geen-toegang", refused.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_session_whose_account_did_not_change_stays_signed_in_past_the_check()
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        factory.Clock.Now += JustOverAMinute;
        await redacteur.GetPageAsync("/beheer/inhoud");
        factory.Clock.Now += JustOverAMinute;
        await redacteur.GetPageAsync("/beheer/inhoud");
    }
}
