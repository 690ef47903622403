using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Trials;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// "Heb jij dit ook geprobeerd?": anyone reports trying an intervention or a case; an editor approves it; then it is
/// shown and counted beside the evidence, and is in open data, without the sender's name or address.
/// </summary>
public class TrialReportTests(SubmissionTests.Factory factory) : IClassFixture<SubmissionTests.Factory>
{
    private readonly HttpClient client = factory.CreatePlainClient();

    /// <summary>The seeded reports, read from content/geprobeerd: type, slug, result and whether invented.</summary>
    internal static List<(string Type, string Slug, string Result, bool Fictional)> Seeded() =>
        Directory.GetFiles(Path.Combine(Kennisplatform.Web.Hosting.SiteFolders.RepositoryRoot()!, "content", TrialReportFiles.Folder), "*.md")
            .Select(path => FrontMatter.Parse(File.ReadAllText(path)).Document!)
            .Select(d => (d["type"]!.Scalar!, d["slug"]!.Scalar!, d["result"]!.Scalar!, d["fictional"]?.Scalar == "ja")).ToList();

    internal static string Label(int succeeded, int partly, int failed) => new TrialCount(succeeded, partly, failed).Label;

    private async Task<int> ReportCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDb>().TrialReports.CountAsync();
    }

    internal static async Task<(HttpClient Browser, Dictionary<string, string> Fields)> FormAsync(SiteFactory site, string path)
    {
        var browser = site.NewBrowser();
        var form = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(path + "/geprobeerd"));
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("form.trial-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Stamp"] = form.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!,
            ["Municipality"] = "Zaanstad",
            ["Neighbourhood"] = "Poelenburg",
            ["Year"] = (site.Clock.GetUtcNow().Year - 1).ToString(),
            ["Month"] = "3",
            ["Result"] = "deels",
            ["Reason"] = "De kinderopvang naast de buurtkamer maakte het voor jonge moeders haalbaar.",
            ["Name"] = "Karel Proberer",
            ["Email"] = "karel.proberer@example.org",
            ["Consent"] = "true",
            ["Website"] = "",
        };
        return (browser, fields);
    }

    internal static async Task<HttpResponseMessage> SendAsync(SiteFactory site, string path, Action<Dictionary<string, string>>? change = null, bool wait = true)
    {
        var (browser, fields) = await FormAsync(site, path);
        change?.Invoke(fields);
        if (wait)
            site.Clock.Now = site.Clock.Now.AddSeconds(30); // a person takes a while to fill it in
        return await browser.PostAsync(path + "/geprobeerd", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Seeded_reports_are_counted_beside_the_evidence_on_their_items_and_cards_and_marked_as_invented()
    {
        var seeded = Seeded();
        Assert.True(seeded.Where(s => s.Type == "interventie").Select(s => s.Slug).Distinct().Count() >= 5);
        Assert.All(seeded, s => Assert.True(s.Fictional));
        var overview = await client.GetPageAsync("/interventies");
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/interventions?pageSize=100")).RootElement.GetProperty("items").EnumerateArray().ToList();
        // Types that take no reports have no counts in their list.
        Assert.All(JsonDocument.Parse(await client.GetStringAsync("/api/v1/themes")).RootElement.GetProperty("items").EnumerateArray(), i => Assert.False(i.TryGetProperty("tried", out _)));
        foreach (var group in seeded.GroupBy(s => (s.Type, s.Slug)))
        {
            var label = Label(group.Count(s => s.Result == "geslaagd"), group.Count(s => s.Result == "deels"), group.Count(s => s.Result == "mislukt"));
            var path = $"/{Kennisplatform.Web.Site.Sections.Of(Dutch(group.Key.Type)).Segment}/{group.Key.Slug}";
            var page = await client.GetPageAsync(path);
            Assert.Equal(label + ".", page.Text(".trials__count"));
            Assert.StartsWith("Uit de praktijk (geen bewijs): " + label, page.Text(".trials-summary"));
            Assert.Contains("geen bewijs", page.Text(".trials__label"));
            var items = page.QuerySelectorAll(".trials__list li");
            Assert.Equal(group.Count(), items.Length);
            Assert.All(items, li => Assert.Contains("Verzonnen voorbeeld", li.TextContent));
            Assert.Contains($"{path}/geprobeerd", page.Links(".trials__ask a"));
            if (group.Key.Type == "interventie")
            {
                // The summary follows the expert grade directly.
                Assert.Equal("trials-summary", page.QuerySelector("p.evidence")!.NextElementSibling!.ClassName);
                var card = overview.QuerySelectorAll(".card").Single(c => c.QuerySelector($"a[href='{path}']") is not null);
                Assert.Equal($"{group.Count()} keer geprobeerd", card.QuerySelector(".trial-count")!.TextContent.Trim());
                var api = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/interventions/{group.Key.Slug}")).RootElement.GetProperty("tried");
                Assert.Equal(group.Count(), api.GetProperty("count").GetProperty("total").GetInt32());
                Assert.Equal(group.Count(s => s.Result == "mislukt"), api.GetProperty("count").GetProperty("failed").GetInt32());
                Assert.All(api.GetProperty("reports").EnumerateArray(), r => Assert.True(r.GetProperty("fictional").GetBoolean()));
                var listed = list.Single(i => i.GetProperty("slug").GetString() == group.Key.Slug).GetProperty("tried").GetProperty("count");
                Assert.Equal(group.Count(), listed.GetProperty("total").GetInt32());
            }
        }
        // The interventions feed announces each seeded report, marked as invented like on the page.
        var feed = XDocument.Parse(await client.GetStringAsync("/feeds/interventies.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var announced = feed.Descendants(atom + "entry").Where(e => e.Element(atom + "title")!.Value.StartsWith("Ook geprobeerd: ")
            && e.Element(atom + "content")!.Value.EndsWith("(verzonnen voorbeeld)")).ToList();
        Assert.Equal(seeded.Count(s => s.Type == "interventie"), announced.Count);
        Assert.All(announced, e => Assert.Contains("/interventies/", e.Element(atom + "link")!.Attribute("href")!.Value));
        // An item nobody reported on says so, and still asks.
        var untried = await client.GetPageAsync("/praktijkvoorbeelden/moestuin-tussen-de-flats");
        Assert.Equal("Nog niet door anderen geprobeerd.", untried.Text(".trials__count"));
        Assert.Empty(untried.QuerySelectorAll(".trials__list li"));
        // Other types take no reports.
        Assert.Null((await client.GetPageAsync("/themas/veiligheid")).QuerySelector(".trials"));
    }

    private static Kennisplatform.Content.Model.ContentType Dutch(string code) =>
        Kennisplatform.Content.Model.Dutch.TryParse<Kennisplatform.Content.Model.ContentType>(code, out var type) ? type : throw new ArgumentException(code);

    [Fact]
    public async Task A_report_waits_for_an_editor_then_is_shown_counted_and_in_open_data_without_the_sender()
    {
        // A case nobody reported on in the seed, so the other tests' reports never change its counts.
        const string path = "/praktijkvoorbeelden/digitaal-spreekuur-ouderen";
        const string reason = "oppasdienst in het wijkcentrum";
        var before = (await client.GetPageAsync(path)).Text(".trials__count");

        using (var sent = await SendAsync(factory, path, f => f["Reason"] = "De oppasdienst in het wijkcentrum maakte het voor jonge moeders haalbaar."))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            var thanks = await factory.NewBrowser().GetPageAsync(sent.Headers.Location!.OriginalString);
            Assert.Contains("Bedankt, je ervaring is verstuurd", thanks.Text("[role=status]"));
        }
        var waiting = await client.GetPageAsync(path);
        Assert.DoesNotContain(reason, waiting.DocumentElement.TextContent);
        Assert.Equal(before, waiting.Text(".trials__count"));
        Assert.DoesNotContain(reason, await client.GetStringAsync("/api/v1/cases/digitaal-spreekuur-ouderen"));

        // The editor sees the private details, approves, and is sent back to the list with a message.
        var (editor, _) = await factory.SignedInAsync(Roles.Editor);
        int waitingNow;
        await using (var scope = factory.Services.CreateAsyncScope())
            waitingNow = await scope.ServiceProvider.GetRequiredService<ContentDb>().TrialReports.CountAsync(r => r.Status == TrialReportStatus.Waiting);
        Assert.StartsWith(waitingNow == 1 ? "Er wacht 1 ervaring." : $"Er wachten {waitingNow} ervaringen.", (await editor.GetPageAsync("/beheer")).Text("#ook-geprobeerd + p"));
        var desk = await editor.GetPageAsync("/beheer/geprobeerd");
        var report = desk.QuerySelectorAll(".trial-report").Single(r => r.TextContent.Contains(reason));
        Assert.Contains("karel.proberer@example.org", report.TextContent);
        var form = report.QuerySelector("form")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var approved = await editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "publiceren", ["__RequestVerificationToken"] = token })))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
            Assert.Equal("/beheer/geprobeerd", approved.Headers.Location!.OriginalString);
        }
        var after = await editor.GetPageAsync("/beheer/geprobeerd");
        Assert.Equal("De ervaring is gepubliceerd en telt nu mee.", after.Text("[role=status]"));
        Assert.DoesNotContain(after.QuerySelectorAll(".trial-report"), r => r.TextContent.Contains(reason));
        // Approving twice is refused with a message, not an error page.
        using (var again = await editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "publiceren", ["__RequestVerificationToken"] = token })))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Deze ervaring is al gepubliceerd.", (await editor.GetPageAsync("/beheer/geprobeerd")).Text("[role=status]"));

        var page = await client.GetPageAsync(path);
        var shown = page.QuerySelectorAll(".trials__list li").Single(li => li.TextContent.Contains(reason));
        Assert.Contains("Zaanstad, Poelenburg, maart", shown.TextContent);
        Assert.Contains("Deels geslaagd", shown.TextContent);
        Assert.NotEqual(before, page.Text(".trials__count"));
        Assert.Equal("1 keer geprobeerd: 1 deels.", page.Text(".trials__count"));
        Assert.StartsWith("Uit de praktijk (geen bewijs): 1 keer geprobeerd: 1 deels", page.Text(".trials-summary"));

        var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/cases/digitaal-spreekuur-ouderen")).RootElement;
        var json = api.GetProperty("tried").GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("reason").GetString()!.Contains(reason));
        Assert.Equal(("Zaanstad", "Poelenburg", $"{factory.Clock.GetUtcNow().Year - 1}-03", "deels", false),
            (json.GetProperty("municipality").GetString(), json.GetProperty("neighbourhood").GetString(), json.GetProperty("when").GetString(), json.GetProperty("result").GetString(), json.GetProperty("fictional").GetBoolean()));
        var export = await client.GetStringAsync("/api/v1/export.json");
        Assert.Contains(reason, export);
        var csv = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/api/v1/export.csv"))[3..]).Split("\r\n");
        var header = csv[0].Split(';').ToList();
        var row = csv.Single(l => l.StartsWith("praktijkvoorbeeld;digitaal-spreekuur-ouderen;")).Split(';');
        Assert.Equal(("1", "0", "1", "0"), (row[header.IndexOf("geprobeerd")], row[header.IndexOf("geprobeerd_geslaagd")], row[header.IndexOf("geprobeerd_deels")], row[header.IndexOf("geprobeerd_mislukt")]));
        var feed = await client.GetStringAsync("/feeds/alles.atom");
        // The feeds announce it with the item's type, and the list API counts it.
        var news = $"Ook geprobeerd: {api.GetProperty("title").GetString()} (Deels geslaagd, Zaanstad)";
        Assert.Contains(news, feed);
        var caseFeed = await client.GetStringAsync("/feeds/praktijkvoorbeelden.rss");
        Assert.Contains(news, caseFeed);
        Assert.Contains("/praktijkvoorbeelden/digitaal-spreekuur-ouderen#" + shown.Id, caseFeed);
        Assert.DoesNotContain(news, await client.GetStringAsync("/feeds/interventies.atom"));
        var listed = JsonDocument.Parse(await client.GetStringAsync("/api/v1/cases?pageSize=100")).RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("slug").GetString() == "digitaal-spreekuur-ouderen").GetProperty("tried").GetProperty("count");
        Assert.Equal((1, 0, 1, 0), (listed.GetProperty("total").GetInt32(), listed.GetProperty("succeeded").GetInt32(), listed.GetProperty("partly").GetInt32(), listed.GetProperty("failed").GetInt32()));

        var watch = Stopwatch.StartNew();
        while (!(await client.GetStringAsync("/api/v1/search?q=oppasdienst")).Contains(path) && watch.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(50);
        var search = await client.GetStringAsync("/api/v1/search?q=oppasdienst");
        Assert.Contains(path, search);
        var byName = await client.GetStringAsync("/api/v1/search?q=Proberer");
        Assert.DoesNotContain(path, byName);

        var exported = Directory.CreateTempSubdirectory("kp-geprobeerd-").FullName;
        try
        {
            await using (var scope = factory.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(exported);
            var files = Directory.GetFiles(Path.Combine(exported, TrialReportFiles.Folder), "*.md").Select(File.ReadAllText).ToList();
            Assert.Contains(files, f => f.Contains(reason));
            foreach (var text in new[] { page.DocumentElement.OuterHtml, api.GetRawText(), export, string.Join("\n", csv), feed, caseFeed, search, byName, string.Join("\n", files) })
            {
                Assert.DoesNotContain("proberer@", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("Karel", text);
            }
        }
        finally
        {
            Directory.Delete(exported, recursive: true);
        }
    }

    [Fact]
    public async Task A_turned_down_report_never_shows_and_the_retention_job_clears_every_sender()
    {
        const string path = "/praktijkvoorbeelden/bewoners-beheren-de-speeltuin";
        using (var sent = await SendAsync(factory, path, f => { f["Reason"] = "Afgewezen omdat dit reclame voor een bedrijf bleek."; f["Email"] = "wordt.afgewezen@example.org"; }))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using (var kept = await SendAsync(factory, path, f => { f["Reason"] = "Goedgekeurd: de opvolger liep vanaf het begin al mee."; f["Email"] = "wordt.bewaard@example.org"; }))
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            var desk = scope.ServiceProvider.GetRequiredService<Kennisplatform.Web.Trials.TrialDesk>();
            await desk.DecideAsync((await db.TrialReports.SingleAsync(r => r.ReporterEmail == "wordt.afgewezen@example.org")).Id, Kennisplatform.Web.Trials.TrialDecision.Reject, default);
            await desk.DecideAsync((await db.TrialReports.SingleAsync(r => r.ReporterEmail == "wordt.bewaard@example.org")).Id, Kennisplatform.Web.Trials.TrialDecision.Publish, default);
        }
        var page = (await client.GetPageAsync(path)).DocumentElement.TextContent;
        Assert.DoesNotContain("reclame voor een bedrijf", page);
        Assert.Contains("de opvolger liep vanaf het begin al mee", page);

        // After the period of a story sender's details: the turned-down report is gone, the approved one stays without its sender.
        var days = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RetentionOptions>>().Value.SubmissionContactDays;
        factory.Clock.Now = factory.Clock.Now.AddDays(days + 1);
        await factory.Services.GetRequiredService<RetentionJob>().RunAsync(default);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            Assert.False(await db.TrialReports.AnyAsync(r => r.Reason.Contains("reclame")));
            var approved = await db.TrialReports.SingleAsync(r => r.Reason.Contains("opvolger liep vanaf het begin"));
            Assert.Equal((TrialReportStatus.Published, "", ""), (approved.Status, approved.ReporterName, approved.ReporterEmail));
            Assert.False(await db.TrialReports.AnyAsync(r => r.ReporterEmail != "" || r.ReporterName != ""));
        }
        Assert.Contains("de opvolger liep vanaf het begin al mee", (await client.GetPageAsync(path)).DocumentElement.TextContent);
        // The privacy page names the period.
        Assert.Contains("Heb jij dit ook geprobeerd?", await client.GetStringAsync("/privacy"));
    }

    [Theory]
    [InlineData("Municipality", "", "Vul de gemeente in waar je het probeerde.")]
    [InlineData("Year", "20x4", "Schrijf het jaar met vier cijfers")]
    [InlineData("Year", "2999", "Kies een jaar (en eventueel een maand) tussen 1990 en nu.")]
    [InlineData("Year", "1850", "Kies een jaar (en eventueel een maand) tussen 1990 en nu.")]
    [InlineData("Month", "13", "kies eventueel een maand uit de lijst")]
    [InlineData("Result", "", "Kies hoe het ging: geslaagd, deels of mislukt.")]
    [InlineData("Result", "super", "Kies hoe het ging: geslaagd, deels of mislukt.")]
    [InlineData("Reason", "Kort.", "Schrijf in één zin (minstens 10 tekens) waarom het zo ging.")]
    [InlineData("Reason", "Dit is een reden die veel te lang is. Dit is een reden die veel te lang is. Dit is een reden die veel te lang is. Dit is een reden die veel te lang is. Dit is een reden die veel te lang is. Dit is een reden.", "Houd het kort: hoogstens 200 tekens.")]
    [InlineData("Reason", "Eerste regel van de reden\nen een tweede regel", "Schrijf de reden op één regel.")]
    [InlineData("Consent", "false", "Geef toestemming, anders kunnen we je ervaring niet publiceren.")]
    [InlineData("Email", "geen-adres", "Dit is geen geldig e-mailadres.")]
    public async Task A_report_with_a_mistake_gets_a_Dutch_message_and_stores_nothing(string field, string value, string message)
    {
        var before = await ReportCountAsync();
        using var response = await SendAsync(factory, "/interventies/taalcafe", f => f[field] = value);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.Text("[role=alert]"));
        Assert.Equal(before, await ReportCountAsync());
    }

    [Fact]
    public async Task Bots_repeats_and_hasty_posts_store_nothing_and_only_interventions_and_cases_take_reports()
    {
        var before = await ReportCountAsync();
        using (var bot = await SendAsync(factory, "/interventies/digicafe", f => f["Website"] = "https://spam.example"))
            Assert.Equal(HttpStatusCode.Redirect, bot.StatusCode);
        using (var hasty = await SendAsync(factory, "/interventies/digicafe", wait: false))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, hasty.StatusCode);
            Assert.Contains("te snel of te laat", await hasty.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await ReportCountAsync());

        // The same form sent twice stores one report.
        var (browser, fields) = await FormAsync(factory, "/interventies/digicafe");
        factory.Clock.Now = factory.Clock.Now.AddSeconds(30);
        using (var first = await browser.PostAsync("/interventies/digicafe/geprobeerd", new FormUrlEncodedContent(fields)))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using (var second = await browser.PostAsync("/interventies/digicafe/geprobeerd", new FormUrlEncodedContent(fields)))
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(before + 1, await ReportCountAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/interventies/bestaat-niet/geprobeerd")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/themas/veiligheid/geprobeerd")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/interventies/digicafe/geprobeerd", new FormUrlEncodedContent(fields))).StatusCode);

        // Authors do not moderate; a decision that is not one changes nothing.
        var (author, _) = await factory.SignedInAsync(Roles.Author);
        using (var refused = await author.GetAsync("/beheer/geprobeerd"))
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var (editor, _) = await factory.SignedInAsync(Roles.Editor);
        var desk = await editor.GetPageAsync("/beheer/geprobeerd");
        var form = desk.QuerySelector(".trial-report form")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var odd = await editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "weggooien", ["__RequestVerificationToken"] = token })))
            Assert.Equal(HttpStatusCode.Redirect, odd.StatusCode);
        Assert.Equal("Kies publiceren, afwijzen of verwijderen.", (await editor.GetPageAsync("/beheer/geprobeerd")).Text("[role=status]"));
        using (var gone = await editor.PostAsync("/beheer/geprobeerd?id=999999", new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "publiceren", ["__RequestVerificationToken"] = token })))
            Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        Assert.Equal("Deze ervaring bestaat niet meer.", (await editor.GetPageAsync("/beheer/geprobeerd")).Text("[role=status]"));
        Assert.Equal(before + 1, await ReportCountAsync());
    }
}

public class TrialReportLimitTests(SubmissionTests.StrictFactory factory) : IClassFixture<SubmissionTests.StrictFactory>
{
    [Fact]
    public async Task One_address_may_send_a_few_reports_an_hour_and_mistakes_do_not_count()
    {
        using (var wrong = await TrialReportTests.SendAsync(factory, "/interventies/wijkschouw", f => f["Consent"] = "false"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        using (var first = await TrialReportTests.SendAsync(factory, "/interventies/wijkschouw"))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using (var second = await TrialReportTests.SendAsync(factory, "/praktijkvoorbeelden/buurtkamer-de-linde"))
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        using var third = await TrialReportTests.SendAsync(factory, "/interventies/wijkschouw");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("al veel ervaringen gestuurd. Probeer het later opnieuw.", WebUtility.HtmlDecode(await third.Content.ReadAsStringAsync()));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<ContentDb>().TrialReports.CountAsync(r => r.Status == TrialReportStatus.Waiting));
    }
}
