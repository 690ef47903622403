using System.Net;
using AngleSharp.Html.Parser;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Themes;
using Kennisplatform.Web.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

public class AlertTests(SubmissionTests.Factory factory) : IClassFixture<SubmissionTests.Factory>
{
    internal static async Task<HttpResponseMessage> SubscribeAsync(SiteFactory site, string query, string email, string frequency = "week")
    {
        var browser = site.NewBrowser();
        var path = "/op-de-hoogte?" + query;
        var form = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(path));
        var fields = form.QuerySelectorAll("form.alert-form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Email"] = email;
        fields["Frequency"] = frequency;
        fields["Website"] = "";
        site.Clock.Now = site.Clock.Now.AddSeconds(10);
        return await browser.PostAsync("/op-de-hoogte", new FormUrlEncodedContent(fields));
    }

    private async Task<int> DigestsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertSubscriptions>().SendDueDigestsAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_theme_alert_needs_confirmation_then_sends_a_weekly_digest_with_one_click_unsubscribe()
    {
        var theme = await factory.CreatePlainClient().GetPageAsync("/themas/eenzaamheid");
        Assert.Contains(theme.Links("a"), l => l.StartsWith("/op-de-hoogte?thema=eenzaamheid"));
        Assert.Contains("Bijna klaar", await (await SubscribeAsync(factory, "thema=eenzaamheid", "lezer@example.org")).Content.ReadAsStringAsync());
        var confirm = await MailFolder.WaitForAsync(factory, "lezer@example.org", "Bevestig");

        // Unconfirmed: nothing is ever sent.
        await AddCaseAsync("Wandelen tegen eenzaamheid", "eenzaamheid");
        factory.Clock.Now = factory.Clock.Now.AddDays(8);
        Assert.Equal(0, await DigestsAsync());

        var link = MailFolder.LinkIn(confirm, "/op-de-hoogte/bevestigen");
        var browser = factory.NewBrowser();
        var page = await browser.GetPageAsync(link);
        var fields = new Dictionary<string, string>
        {
            ["code"] = page.QuerySelector("input[name=code]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        Assert.Contains("Bevestigd", await (await browser.PostAsync(link, new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
        factory.Clock.Now = factory.Clock.Now.AddMinutes(5);

        await AddCaseAsync("Koffie op de hoek tegen eenzaamheid", "eenzaamheid");
        await AddCaseAsync("Iets over veiligheid", "veiligheid");
        factory.Clock.Now = factory.Clock.Now.AddDays(8);
        Assert.Equal(1, await DigestsAsync());
        var digest = await MailFolder.WaitForAsync(factory, "lezer@example.org", "Nieuw op Kennisplatform wijken");
        Assert.Contains("Koffie op de hoek tegen eenzaamheid", digest.TextBody);
        Assert.DoesNotContain("Iets over veiligheid", digest.TextBody);
        Assert.DoesNotContain("Wandelen tegen eenzaamheid", digest.TextBody); // published before the confirmation
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = new Uri(digest.Headers["List-Unsubscribe"]!.Trim('<', '>'));

        // One click: the mail program posts without a page, a token or a cookie.
        var oneClick = await factory.CreatePlainClient().PostAsync(unsubscribe.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ContentDb>().Subscriptions.AnyAsync(s => s.Email == "lezer@example.org"));
    }

    [Fact]
    public async Task Search_results_and_type_overviews_offer_an_alert_and_a_monthly_search_alert_is_sent_after_a_month()
    {
        Assert.Contains((await factory.CreatePlainClient().GetPageAsync("/zoeken?q=moestuin")).Links("a"), l => l.StartsWith("/op-de-hoogte?zoek=moestuin"));
        Assert.Contains((await factory.CreatePlainClient().GetPageAsync("/praktijkvoorbeelden")).Links("a"), l => l.StartsWith("/op-de-hoogte?soort="));
        await SubscribeAsync(factory, "zoek=moestuin", "tuinier@example.org", "maand");
        var confirm = await MailFolder.WaitForAsync(factory, "tuinier@example.org", "Bevestig");
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AlertSubscriptions>().ConfirmAsync(MailFolder.LinkIn(confirm, "bevestigen").Split("code=")[1], CancellationToken.None);
        factory.Clock.Now = factory.Clock.Now.AddMinutes(5);
        await AddCaseAsync("Een nieuwe moestuin op het dak", "wonen-en-leefomgeving");
        var search = factory.Services.GetRequiredService<Kennisplatform.Web.Search.SearchIndexer>();
        for (var i = 0; i < 100 && !search.Search.Search(new() { Text = "moestuin" }).Hits.Any(h => h.Title.Contains("op het dak")); i++)
            await Task.Delay(50); // the index follows the publish in the background
        factory.Clock.Now = factory.Clock.Now.AddDays(8);
        Assert.Equal(0, await DigestsAsync()); // monthly: not yet
        factory.Clock.Now = factory.Clock.Now.AddDays(25);
        Assert.True(await DigestsAsync() >= 1);
        Assert.Contains("moestuin op het dak", (await MailFolder.WaitForAsync(factory, "tuinier@example.org", "Nieuw op")).TextBody);
    }

    [Fact]
    public async Task An_unknown_theme_offers_no_form()
    {
        var page = await factory.CreatePlainClient().GetPageAsync("/op-de-hoogte?thema=bestaat-niet");
        Assert.Null(page.QuerySelector("form.alert-form"));
    }

    private async Task AddCaseAsync(string title, string themeSlug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var theme = await scope.ServiceProvider.GetRequiredService<ContentDb>().Items.OfType<Theme>().SingleAsync(t => t.Slug == themeSlug);
        var item = new Case { Title = title, Outcome = CaseOutcome.Succeeded, Municipality = "Ede", Summary = title, Themes = [theme] };
        item.Publish(factory.Clock.Now.UtcDateTime);
        await factory.SaveAsync(item);
    }
}
