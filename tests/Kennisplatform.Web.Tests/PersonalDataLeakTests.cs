using System.Xml.Linq;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// Every way a person's address enters the platform, then every public way out: each page in the sitemap, the
/// overviews, the question and registration pages, exports, the API, feeds, calendars and search. No address may
/// show up in any of them.
/// </summary>
public class PersonalDataLeakTests(SubmissionTests.Factory factory) : IClassFixture<SubmissionTests.Factory>
{
    private static readonly string[] Addresses =
    [
        "lek-wijkschakelaar@example.net", "lek-aanmelder@example.net", "lek-vrager@example.net",
        "lek-abonnee@example.net", "lek-verteller@example.net", "lek-wachtlijst@example.net", "lek-proberer@example.net",
    ];

    [Fact]
    public async Task No_personal_address_reaches_pages_exports_api_feeds_calendars_or_search()
    {
        // In: a connector's private address, a registration and a waiting-list place, a contact question, an alert, a shared story.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            (await db.Items.OfType<Connector>().FirstAsync(c => c.Slug == "fatima-buurtmoeder")).ContactEmail = Addresses[0];
            await db.SaveChangesAsync();
        }
        var start = factory.Clock.Now.UtcDateTime.Date.AddDays(30).AddHours(18);
        var e = new Event { Title = "Lekvrije avond", StartsAt = start, EndsAt = start.AddHours(2), LocationName = "Wijkhuis", Place = "Almere", TakesRegistrations = true, Capacity = 1 };
        e.Publish(factory.Clock.Now.UtcDateTime.AddMinutes(-1));
        await factory.SaveAsync(e);
        await EventRegistrationTests.RegisterAsync(factory, e.Slug, "Lies Lek", Addresses[1]);
        await EventRegistrationTests.RegisterAsync(factory, e.Slug, "Wout Wacht", Addresses[5]);
        await ContactTests.AskAsync(factory, "/wijkschakelaars/fatima-buurtmoeder/vraag", "Vera Vraag", Addresses[2], "Hoe bereik je moeders die niet komen?");
        await AlertTests.SubscribeAsync(factory, "thema=eenzaamheid", Addresses[3]);
        var story = SubmissionTests.Story("Lekvrij verhaal");
        story["Email"] = Addresses[4];
        await SubmissionTests.SubmitAsync(factory, story);
        // An "ook geprobeerd" report, approved, so it shows on the intervention and in open data: its sender must not.
        using (var tried = await TrialReportTests.SendAsync(factory, "/interventies/buurtbudget", f => { f["Email"] = Addresses[6]; f["Name"] = "Lek Proberer"; }))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, tried.StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            var report = await db.TrialReports.SingleAsync(r => r.ReporterEmail == Addresses[6]);
            await scope.ServiceProvider.GetRequiredService<Kennisplatform.Web.Trials.TrialDesk>().DecideAsync(report.Id, Kennisplatform.Web.Trials.TrialDecision.Publish, default);
        }
        await MailFolder.WaitForAsync(factory, Addresses[2], "Kopie"); // the mails went out: the data is in place

        // Out: everything public.
        var client = factory.CreatePlainClient();
        var urls = new HashSet<string>
        {
            "/", "/zoeken", "/contact", "/privacy", "/deel-je-ervaring", "/downloads", "/api",
            "/api/v1/export.json", "/api/v1/export.csv", "/feeds/alles.rss", "/feeds/alles.atom", "/bijeenkomsten/agenda.ics",
            $"/bijeenkomsten/{e.Slug}", $"/bijeenkomsten/{e.Slug}.ics", $"/bijeenkomsten/{e.Slug}/aanmelden",
            "/wijkschakelaars/fatima-buurtmoeder/vraag", "/op-de-hoogte?thema=eenzaamheid", "/sitemap.xml",
            "/interventies/buurtbudget", "/interventies/buurtbudget/geprobeerd", "/api/v1/interventions/buurtbudget",
        };
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        foreach (var loc in sitemap.Descendants().Where(x => x.Name.LocalName == "loc"))
            urls.Add(new Uri(loc.Value).PathAndQuery);
        foreach (var section in Kennisplatform.Web.Site.Sections.All)
        {
            urls.Add($"/{section.Segment}");
            urls.Add($"/feeds/{section.Segment}.rss");
            urls.Add($"/api/v1/{section.Collection}");
        }
        foreach (var address in Addresses)
        {
            urls.Add("/zoeken?q=" + Uri.EscapeDataString(address));
            urls.Add("/api/v1/search?q=" + Uri.EscapeDataString(address));
            urls.Add("/api/v1/search/suggest?q=" + Uri.EscapeDataString(address[..6]));
        }
        Assert.True(urls.Count > 60, $"only {urls.Count} public addresses found to check");

        var leaks = new List<string>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            // A search page repeats the words searched for: that one address may appear there, no other.
            var searched = Addresses.Where(a => url.Contains(Uri.EscapeDataString(a), StringComparison.Ordinal));
            leaks.AddRange(Addresses.Except(searched)
                .Where(a => body.Contains(a, StringComparison.OrdinalIgnoreCase) || body.Contains(a.Split('@')[0], StringComparison.OrdinalIgnoreCase))
                .Select(a => $"{a} in {url}"));
        }
        Assert.Empty(leaks);

        // The search index itself holds no address, and neither do the revisions' snapshots nor an export.
        var search = factory.Services.GetRequiredService<SearchIndexer>().Search;
        foreach (var address in Addresses)
            Assert.Equal(0, search.Search(new() { Text = address.Split('@')[0].Replace('-', ' ') }).Hits.Count(h => h.SnippetHtml.Contains("lek-")));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            Assert.False(await db.Revisions.AnyAsync(r => r.Snapshot.Contains("lek-")));
            var exported = Directory.CreateTempSubdirectory("kp-lek-").FullName;
            try
            {
                await scope.ServiceProvider.GetRequiredService<Kennisplatform.Content.Files.ContentExporter>().ExportAsync(exported);
                Assert.DoesNotContain(Directory.GetFiles(exported, "*.md", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains("lek-"));
            }
            finally
            {
                Directory.Delete(exported, recursive: true);
            }
        }
    }
}
