using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>Living cases: follow-ups on a case, proposed by anyone, published by editors, shown as a timeline and in open data.</summary>
public class FollowUpTests(FollowUpTests.Factory factory) : IClassFixture<FollowUpTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private readonly HttpClient client = factory.CreatePlainClient();

    /// <summary>The seeded follow-ups, read from content/vervolg: case slug and title.</summary>
    internal static List<(string Case, string Title, bool Fictional)> Seeded() =>
        Directory.GetFiles(Path.Combine(Kennisplatform.Web.Hosting.SiteFolders.RepositoryRoot()!, "content", FollowUpFiles.Folder), "*.md")
            .Select(path => FrontMatter.Parse(File.ReadAllText(path)).Document!)
            .Select(d => (d["case"]!.Scalar!, d["title"]!.Scalar!, d["fictional"]?.Scalar == "ja")).ToList();

    private async Task<int> FollowUpCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDb>().FollowUps.CountAsync();
    }

    private async Task<(HttpClient Browser, Dictionary<string, string> Fields)> ProposalFormAsync(string slug)
    {
        var browser = factory.NewBrowser();
        var form = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync($"/praktijkvoorbeelden/{slug}/vervolg"));
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("form.followup-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Stamp"] = form.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!,
            ["Title"] = "Twee jaar later",
            ["Date"] = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(-10).ToString("yyyy-MM-dd"),
            ["Text"] = "Het zonnebloemenveld naast de moestuin is er nog steeds, en de school doet nu mee.",
            ["StillRunning"] = "ja",
            ["NewOutcome"] = "",
            ["Name"] = "Piet Privégegevens",
            ["Email"] = "piet.privegegevens@example.org",
            ["Consent"] = "true",
            ["Website"] = "",
        };
        return (browser, fields);
    }

    [Fact]
    public async Task Seeded_follow_ups_show_as_a_timeline_on_their_case_and_the_overview_filters_on_them()
    {
        var seeded = Seeded();
        Assert.True(seeded.Select(s => s.Case).Distinct().Count() >= 3);
        foreach (var group in seeded.GroupBy(s => s.Case))
        {
            var page = await client.GetPageAsync($"/praktijkvoorbeelden/{group.Key}");
            var items = page.QuerySelectorAll("#kp-vervolg ~ .timeline .timeline__item");
            Assert.Equal(group.Count(), items.Length);
            foreach (var (_, title, fictional) in group)
            {
                var item = items.Single(i => i.QuerySelector(".timeline__title")!.TextContent.EndsWith(": " + title));
                Assert.Equal(fictional, item.TextContent.Contains("verzonnen voorbeeld"));
                Assert.NotNull(item.QuerySelector("time[datetime]"));
            }
            Assert.Contains($"/praktijkvoorbeelden/{group.Key}/vervolg", page.Links("#kp-vervolg ~ p a"));
        }
        var walk = await client.GetPageAsync("/praktijkvoorbeelden/wandelgroep-die-stopte");
        Assert.Equal("Loopt nog", walk.Text(".timeline__running"));
        Assert.Equal("Uitkomst nu: Deels geslaagd", walk.Text(".timeline__outcome"));

    }

    [Fact]
    public async Task A_proposal_waits_for_an_editor_then_shows_on_the_case_in_feeds_api_exports_and_search_without_the_sender()
    {
        var (browser, fields) = await ProposalFormAsync("moestuin-tussen-de-flats");
        factory.Clock.Now = factory.Clock.Now.AddSeconds(30);
        using (var sent = await browser.PostAsync("/praktijkvoorbeelden/moestuin-tussen-de-flats/vervolg", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Contains("Bedankt, je vervolg is verstuurd", await sent.Content.ReadAsStringAsync());
        }
        Assert.DoesNotContain("zonnebloemenveld", await client.GetStringAsync("/praktijkvoorbeelden/moestuin-tussen-de-flats"));
        Assert.DoesNotContain("/praktijkvoorbeelden/moestuin-tussen-de-flats", (await client.GetPageAsync("/praktijkvoorbeelden?vervolg=ja")).Links(".card__title a"));

        var (editor, _) = await factory.SignedInAsync(Roles.Editor);
        var desk = await editor.GetPageAsync("/beheer/vervolgen");
        var proposal = desk.QuerySelectorAll(".followup-proposal").Single(p => p.TextContent.Contains("zonnebloemenveld"));
        Assert.Contains("piet.privegegevens@example.org", proposal.TextContent);
        Assert.Contains("Tijd voor een vervolg", (await editor.GetPageAsync("/beheer")).Text("section[aria-labelledby=vervolgen]"));
        var action = proposal.QuerySelector("form")!.GetAttribute("action")!;
        var token = desk.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var published = await editor.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "publiceren", ["__RequestVerificationToken"] = token })))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("Het vervolg is gepubliceerd.", (await editor.GetPageAsync("/beheer/vervolgen")).Text("[role=status]"));

        var page = await client.GetPageAsync("/praktijkvoorbeelden/moestuin-tussen-de-flats");
        var item = page.QuerySelectorAll(".timeline__item").Single(i => i.TextContent.Contains("zonnebloemenveld"));
        Assert.EndsWith(": Twee jaar later", item.QuerySelector(".timeline__title")!.TextContent);
        Assert.Contains("/praktijkvoorbeelden/moestuin-tussen-de-flats", (await client.GetPageAsync("/praktijkvoorbeelden?vervolg=ja")).Links(".card__title a"));

        var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/cases/moestuin-tussen-de-flats")).RootElement;
        var followUp = api.GetProperty("follow_ups").EnumerateArray().Single(f => f.GetProperty("title").GetString() == "Twee jaar later");
        Assert.True(followUp.GetProperty("still_running").GetBoolean());
        var feed = await client.GetStringAsync("/feeds/alles.atom");
        Assert.Contains("Vervolg bij Een moestuin tussen de flats: Twee jaar later", feed);
        Assert.Contains("Vervolg bij Een moestuin tussen de flats", await client.GetStringAsync("/feeds/praktijkvoorbeelden.rss"));
        var export = await client.GetStringAsync("/api/v1/export.json");
        Assert.Contains("zonnebloemenveld", export);
        var csv = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/api/v1/export.csv"))[3..]).Split("\r\n");
        var header = csv[0].Split(';').ToList();
        var row = csv.Single(l => l.StartsWith("praktijkvoorbeeld;moestuin-tussen-de-flats;")).Split(';');
        Assert.Equal("1", row[header.IndexOf("vervolgen")]);

        var watch = Stopwatch.StartNew();
        while (!(await client.GetStringAsync("/api/v1/search?q=zonnebloemenveld")).Contains("moestuin-tussen-de-flats") && watch.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(50);
        Assert.Contains("moestuin-tussen-de-flats", await client.GetStringAsync("/api/v1/search?q=zonnebloemenveld"));

        foreach (var text in new[] { page.DocumentElement.OuterHtml, api.GetRawText(), feed, export, string.Join("\n", csv) })
        {
            Assert.DoesNotContain("privegegevens", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Piet Priv", text);
        }
    }

    [Theory]
    [InlineData("Date", "2999-01-01", "Kies een datum die al geweest is.")]
    [InlineData("Date", "31-02-2026", "Schrijf de datum als jjjj-mm-dd")]
    [InlineData("StillRunning", "misschien", "Kies ja, nee of weet ik niet.")]
    [InlineData("NewOutcome", "beter", "Kies een uitkomst uit de lijst.")]
    [InlineData("Text", "Kort.", "Vertel in 20 tot 5000 tekens")]
    [InlineData("Consent", "false", "Geef toestemming")]
    [InlineData("Email", "geen-adres", "e-mailadres")]
    public async Task A_proposal_with_a_mistake_gets_a_Dutch_message_and_stores_nothing(string field, string value, string message)
    {
        var before = await FollowUpCountAsync();
        var (browser, fields) = await ProposalFormAsync("wandelgroep-die-stopte");
        fields[field] = value;
        factory.Clock.Now = factory.Clock.Now.AddSeconds(30);
        using var response = await browser.PostAsync("/praktijkvoorbeelden/wandelgroep-die-stopte/vervolg", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await FollowUpCountAsync());
    }

    [Fact]
    public async Task Bots_and_repeats_store_nothing_and_unknown_cases_are_not_found()
    {
        var before = await FollowUpCountAsync();
        var (browser, fields) = await ProposalFormAsync("wandelgroep-die-stopte");
        fields["Website"] = "http://spam.example";
        factory.Clock.Now = factory.Clock.Now.AddSeconds(30);
        using (var bot = await browser.PostAsync("/praktijkvoorbeelden/wandelgroep-die-stopte/vervolg", new FormUrlEncodedContent(fields)))
            Assert.Contains("Bedankt", await bot.Content.ReadAsStringAsync());
        Assert.Equal(before, await FollowUpCountAsync());

        var (fast, quick) = await ProposalFormAsync("wandelgroep-die-stopte");
        using (var tooFast = await fast.PostAsync("/praktijkvoorbeelden/wandelgroep-die-stopte/vervolg", new FormUrlEncodedContent(quick)))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooFast.StatusCode);
        Assert.Equal(before, await FollowUpCountAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/praktijkvoorbeelden/bestaat-niet/vervolg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/interventies/buurtbudget/vervolg")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/praktijkvoorbeelden/wandelgroep-die-stopte/vervolg", new FormUrlEncodedContent(quick))).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_reminds_editors_of_cases_a_year_or_three_on_without_a_follow_up()
    {
        var year = factory.Clock.GetUtcNow().Year;
        Case Ended(string title, int endYear) => new()
        {
            Title = title, Summary = "Samenvatting.", Outcome = CaseOutcome.Succeeded, StartYear = endYear - 1, EndYear = endYear,
            Status = ContentStatus.Published, PublishedAt = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1),
        };
        await factory.SaveAsync(Ended("Herinnering na twee jaar", year - 2));
        await factory.SaveAsync(Ended("Herinnering na vier jaar", year - 4));
        await factory.SaveAsync(Ended("Nog niet aan de beurt", year));

        var (editor, _) = await factory.SignedInAsync(Roles.Editor);
        var dashboard = (await editor.GetPageAsync("/beheer")).QuerySelectorAll(".followup-reminders li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Herinnering na twee jaar: 1 jaar verder", dashboard);
        Assert.Contains("Herinnering na vier jaar: 3 jaar verder", dashboard);
        Assert.DoesNotContain(dashboard, d => d.StartsWith("Nog niet aan de beurt"));

        // An editor adds a follow-up from the reminder; the case leaves the list.
        var desk = await editor.GetPageAsync("/beheer/vervolgen");
        var add = desk.QuerySelectorAll("#herinneringen ~ ul li").Single(li => li.TextContent.StartsWith("Herinnering na twee jaar")).QuerySelectorAll("a")[1].GetAttribute("href")!;
        var form = await editor.GetPageAsync(add);
        var caseId = form.QuerySelector("#CaseId option[selected]")!.GetAttribute("value")!;
        var token = form.QuerySelector("form[action*=Add] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd");
        using var saved = await editor.PostAsync(form.QuerySelector("form[action*=Add]")!.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["praktijkvoorbeeld"] = caseId, ["Title"] = "Een jaar later", ["Date"] = today, ["Text"] = "Het loopt nog, met nieuwe vrijwilligers uit de straat.",
            ["StillRunning"] = "ja", ["NewOutcome"] = "", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Het vervolg is toegevoegd.", (await editor.GetPageAsync("/beheer/vervolgen")).Text("[role=status]"));
        var after = (await editor.GetPageAsync("/beheer")).QuerySelectorAll(".followup-reminders li").Select(li => li.TextContent.Trim()).ToList();
        Assert.DoesNotContain(after, d => d.StartsWith("Herinnering na twee jaar"));
        Assert.Contains("Herinnering na vier jaar: 3 jaar verder", after);
        Assert.Contains("nieuwe vrijwilligers uit de straat", await client.GetStringAsync("/praktijkvoorbeelden/herinnering-na-twee-jaar"));

        // Authors do not moderate.
        var (author, _) = await factory.SignedInAsync(Roles.Author);
        using var refused = await author.GetAsync("/beheer/vervolgen");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task The_retention_job_clears_proposers_and_deletes_turned_down_proposals_after_their_period()
    {
        var days = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Kennisplatform.Web.Events.RetentionOptions>>().Value.SubmissionContactDays;
        var old = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-days - 1);
        int caseId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            caseId = await db.Items.OfType<Case>().Select(c => c.Id).FirstAsync();
            FollowUp Old(string title, FollowUpStatus status) => new()
            {
                CaseId = caseId, Date = DateOnly.FromDateTime(old), Title = title, Text = "Wat er sindsdien gebeurde, in genoeg woorden.",
                Status = status, ReceivedAt = old, ProposerName = "Rosa Retentie", ProposerEmail = "rosa.retentie@example.org",
            };
            db.FollowUps.AddRange(Old("Bewaard zonder afzender", FollowUpStatus.Proposed), Old("Afgewezen en weg", FollowUpStatus.Rejected));
            await db.SaveChangesAsync();
        }
        await factory.Services.GetRequiredService<Kennisplatform.Web.Events.RetentionJob>().RunAsync(default);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            Assert.False(await db.FollowUps.AnyAsync(f => f.Title == "Afgewezen en weg"));
            var kept = await db.FollowUps.SingleAsync(f => f.Title == "Bewaard zonder afzender");
            Assert.Equal(("", ""), (kept.ProposerName, kept.ProposerEmail));
            Assert.False(await db.FollowUps.AnyAsync(f => f.ProposerEmail == "rosa.retentie@example.org"));
        }
    }
}
