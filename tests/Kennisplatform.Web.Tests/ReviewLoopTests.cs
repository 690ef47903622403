using System.Net;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>The review loop between an auteur and a redacteur, through the real pages: offer, send back with a remark, edit, offer again.</summary>
public class ReviewLoopTests(ReviewLoopTests.Factory factory) : IClassFixture<ReviewLoopTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private async Task<Case> LoadAsync(string title)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDb>().Items.OfType<Case>().AsNoTracking().SingleAsync(c => c.Title == title);
    }

    /// <summary>An auteur writes a case and offers it; returns the auteur's browser and the item's edit path.</summary>
    private async Task<(HttpClient Auteur, Editor Editor, string Path)> OfferedAsync(string title)
    {
        var (auteur, editor) = await factory.SignedInAsync(Roles.Author);
        var (created, _) = await EditingTests.PostAsync(auteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", EditingTests.NewCase(title), ("actie", "opslaan"));
        var path = created.Headers.Location!.OriginalString.Split('?')[0];
        var fields = EditingTests.NewCase(title);
        fields["version"] = "1";
        var (offered, _) = await EditingTests.PostAsync(auteur, path, fields, ("actie", "aanbieden"));
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        Assert.Equal(path + "?aangeboden=1", offered.Headers.Location!.OriginalString);
        return (auteur, editor, path);
    }

    private static async Task<HttpResponseMessage> SendBackAsync(HttpClient redacteur, string path, string title, int version, string remark)
    {
        var fields = EditingTests.NewCase(title);
        fields["version"] = version.ToString();
        return (await EditingTests.PostAsync(redacteur, path, fields, ("actie", "terugsturen"), ("opmerking", remark))).Response;
    }

    [Fact]
    public async Task Offering_ends_on_a_confirmation_and_the_auteur_still_reads_status_history_and_preview()
    {
        var (auteur, _, path) = await OfferedAsync("Wijkontbijt op zaterdag");

        var page = await auteur.GetPageAsync(path + "?aangeboden=1");
        Assert.Contains("Aangeboden ter beoordeling", page.Text("[role=status]"));
        Assert.Contains("Ter beoordeling bij de redactie", page.Text("#waar-staat-het"));
        Assert.Null(page.QuerySelector("button[name=actie]"));
        Assert.Equal(2, page.QuerySelectorAll("section[aria-labelledby=geschiedenis] tbody tr").Length);
        Assert.DoesNotContain("Geen toegang", page.DocumentElement.TextContent);
        await auteur.GetPageAsync(path + "/versies");
        var id = path.Split('/').Last();
        await auteur.GetPageAsync($"/beheer/inhoud/{id}/voorbeeld");

        // Reading is not changing: a save of the offered item is still refused.
        var fields = EditingTests.NewCase("Wijkontbijt op zaterdag");
        fields["version"] = "2";
        fields["f.summary"] = "Stiekem gewijzigd.";
        var (refused, _) = await EditingTests.PostAsync(auteur, path, fields, ("actie", "opslaan"));
        Assert.Contains("/beheer/geen-toegang", refused.Headers.Location!.ToString());
        Assert.Equal("Een korte samenvatting.", (await LoadAsync("Wijkontbijt op zaterdag")).Summary);
    }

    [Fact]
    public async Task A_redacteur_sends_back_with_a_remark_and_the_auteur_sees_it_edits_and_offers_again()
    {
        const string title = "Repair café in de bibliotheek";
        var (auteur, auteurAccount, path) = await OfferedAsync(title);
        var (redacteur, redacteurAccount) = await factory.SignedInAsync(Roles.Editor);
        Assert.Contains(title, (await redacteur.GetPageAsync("/beheer")).Text("#ter-beoordeling + ul"));
        Assert.Contains(auteurAccount.DisplayName, (await redacteur.GetPageAsync("/beheer")).Text("#ter-beoordeling + ul"));

        // Without a remark nothing happens, and the redacteur is told why.
        var bare = await SendBackAsync(redacteur, path, title, 2, "   ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bare.StatusCode);
        Assert.Contains("wat er nog moet gebeuren", await bare.Content.ReadAsStringAsync());
        Assert.Equal(ContentStatus.InReview, (await LoadAsync(title)).Status);

        var sent = await SendBackAsync(redacteur, path, title, 2, "Vertel ook wat het kostte.");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(path + "?teruggestuurd=1", sent.Headers.Location!.OriginalString);
        Assert.Equal((ContentStatus.Draft, true), ((await LoadAsync(title)).Status, (await LoadAsync(title)).SentBack));

        // The auteur finds it waiting, with the remark by name, and can edit again.
        Assert.Contains(title, (await auteur.GetPageAsync("/beheer")).Text("#teruggestuurd"));
        var page = await auteur.GetPageAsync(path);
        var remark = page.QuerySelector(".review-thread__remark")!.TextContent;
        Assert.Contains("Vertel ook wat het kostte.", remark);
        Assert.Contains(redacteurAccount.DisplayName, remark);
        Assert.DoesNotContain(redacteurAccount.Email!, page.DocumentElement.TextContent);
        Assert.NotNull(page.QuerySelector("button[value=aanbieden]"));

        // The auteur answers in the thread, changes the text and offers it again.
        var token = await SiteFactory.TokenAsync(auteur, path);
        var answered = await auteur.PostAsync(path + "?handler=Opmerking", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["opmerking"] = "Toegevoegd: zo'n 300 euro per jaar.", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(2, (await auteur.GetPageAsync(path)).QuerySelectorAll(".review-thread__remark").Length);
        var fields = EditingTests.NewCase(title);
        fields["version"] = (await LoadAsync(title)).Version.ToString();
        fields["body"] = "Het kost zo'n 300 euro per jaar.";
        Assert.Equal(HttpStatusCode.Redirect, (await EditingTests.PostAsync(auteur, path, fields, ("actie", "aanbieden"))).Response.StatusCode);
        var again = await LoadAsync(title);
        Assert.Equal((ContentStatus.InReview, false), (again.Status, again.SentBack));
        Assert.DoesNotContain(title, (await auteur.GetPageAsync("/beheer")).QuerySelector("#teruggestuurd")?.TextContent ?? "");
        Assert.Contains(title, (await redacteur.GetPageAsync("/beheer")).Text("#ter-beoordeling + ul"));
    }

    [Fact]
    public async Task An_empty_remark_is_refused_in_Dutch_and_saves_nothing()
    {
        var (auteur, _, path) = await OfferedAsync("Buurtmoestuin achter de school");
        var token = await SiteFactory.TokenAsync(auteur, path);
        var response = await auteur.PostAsync(path + "?handler=Opmerking", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["opmerking"] = new string(' ', 5), ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Schrijf een opmerking.", await response.Content.ReadAsStringAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ContentDb>().ReviewRemarks.CountAsync(r => r.Item.Title == "Buurtmoestuin achter de school"));
    }

    [Fact]
    public async Task Review_remarks_never_reach_public_pages_api_exports_feeds_or_search()
    {
        const string title = "Zwerfvuilactie met de basisschool";
        const string secret = "Vertrouwelijkeopmerking";
        var (_, _, path) = await OfferedAsync(title);
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await SendBackAsync(redacteur, path, title, 2, $"{secret}: noem de school niet.")).StatusCode);
        var fields = EditingTests.NewCase(title);
        fields["version"] = (await LoadAsync(title)).Version.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await EditingTests.PostAsync(redacteur, path, fields, ("actie", "publiceren"))).Response.StatusCode);

        var visitor = factory.CreatePlainClient();
        var slug = (await LoadAsync(title)).Slug;
        string[] urls =
        [
            $"/praktijkvoorbeelden/{slug}", "/praktijkvoorbeelden", $"/api/v1/cases/{slug}", "/api/v1/cases", "/api/v1/export.json",
            "/api/v1/export.csv", "/feeds/alles.rss", "/feeds/alles.atom", $"/zoeken?q={secret}", $"/api/v1/search?q={secret}",
        ];
        foreach (var url in urls)
        {
            using var response = await visitor.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("noem de school niet", body);
            if (!url.Contains("q="))
                Assert.DoesNotContain(secret, body);
        }
        Assert.Empty(factory.Services.GetRequiredService<Kennisplatform.Web.Search.SearchIndexer>().Search.Search(new() { Text = secret }).Hits);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ContentDb>().Revisions.AnyAsync(r => r.Snapshot.Contains(secret)));
    }

    [Fact]
    public async Task An_auteur_sees_no_submitters_contact_details_on_the_dashboard()
    {
        var (auteur, _) = await factory.SignedInAsync(Roles.Author);
        var dashboard = await auteur.GetPageAsync("/beheer");
        Assert.Null(dashboard.QuerySelector("#inzendingen"));
        Assert.Null(dashboard.QuerySelector("#ter-beoordeling"));
        Assert.NotNull(dashboard.QuerySelector("#wacht-op-jou"));
    }
}
