using System.Net;
using AngleSharp.Html.Parser;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

public class EventRegistrationTests(SubmissionTests.Factory factory) : IClassFixture<SubmissionTests.Factory>
{
    private async Task<Event> NewEventAsync(string title, int? capacity, string online = "", string place = "Zwolle", DateTime? startsAt = null)
    {
        var start = startsAt ?? factory.Clock.Now.UtcDateTime.Date.AddDays(20).AddHours(18);
        var e = new Event
        {
            Title = title, StartsAt = start, EndsAt = start.AddHours(2), LocationName = online.Length > 0 ? "Online" : "Wijkcentrum", Place = place,
            OnlineUrl = online, TakesRegistrations = true, Capacity = capacity,
            Programme = "19:30 Welkom\n19:45 Pitches\n20:15 Gesprek\n21:00 Oogst",
        };
        e.Publish(factory.Clock.Now.UtcDateTime.AddMinutes(-1));
        return await factory.SaveAsync(e);
    }

    internal static async Task<HttpResponseMessage> RegisterAsync(SiteFactory site, string slug, string name, string email, string needs = "")
    {
        var browser = site.NewBrowser();
        var path = $"/bijeenkomsten/{slug}/aanmelden";
        var form = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(path));
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("form.registration-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Stamp"] = form.QuerySelector("form.registration-form input[name=Stamp]")!.GetAttribute("value")!,
            ["Name"] = name, ["Email"] = email, ["Organisation"] = "", ["Needs"] = needs, ["Website"] = "",
        };
        site.Clock.Now = site.Clock.Now.AddSeconds(10);
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_registrations_overview_lists_events_with_their_counts_for_redacteuren_only()
    {
        var e = await NewEventAsync("Buurtavond voor het overzicht", capacity: 3);
        Assert.Equal(HttpStatusCode.OK, (await RegisterAsync(factory, e.Slug, "Dirk Vier", "dirk@example.org")).StatusCode);

        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var overview = await redacteur.GetPageAsync("/beheer/aanmeldingen");
        var row = overview.QuerySelectorAll("#komend ~ div tbody tr, section[aria-labelledby=komend] tbody tr")
            .Single(r => r.QuerySelector("a")!.TextContent == "Buurtavond voor het overzicht");
        Assert.Equal($"/beheer/aanmeldingen/{e.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("1 van 3", row.QuerySelectorAll("td")[2].TextContent);
        Assert.DoesNotContain("om 00:00", overview.Text("main"));
        // Who registered is personal data: an auteur does not get the list.
        var (auteur, _) = await factory.SignedInAsync(Roles.Author);
        Assert.Equal(HttpStatusCode.Redirect, (await auteur.GetAsync("/beheer/aanmeldingen")).StatusCode);
    }

    private async Task<string> PlacesTextAsync(string slug) => (await factory.CreatePlainClient().GetPageAsync($"/bijeenkomsten/{slug}")).Text("#plaatsen");

    [Fact]
    public async Task Registering_sends_a_confirmation_with_an_ics_and_a_cancel_link_that_frees_the_place_for_the_waiting_list()
    {
        var e = await NewEventAsync("Wijkavond met twee plaatsen", capacity: 2);
        Assert.Contains("Nog 2 plaatsen vrij", await PlacesTextAsync(e.Slug));
        Assert.Equal(HttpStatusCode.OK, (await RegisterAsync(factory, e.Slug, "Ans Een", "ans@example.org", "Een rolstoelplek")).StatusCode);
        Assert.Contains("Nog 1 plaats vrij", await PlacesTextAsync(e.Slug)); // never a stale page from the cache
        await RegisterAsync(factory, e.Slug, "Bert Twee", "bert@example.org");
        Assert.Contains("Vol", await PlacesTextAsync(e.Slug));
        var waiting = await RegisterAsync(factory, e.Slug, "Cor Drie", "cor@example.org");
        Assert.Contains("Je staat op de wachtlijst", await waiting.Content.ReadAsStringAsync());

        var confirmation = await MailFolder.WaitForAsync(factory, "ans@example.org", "Aangemeld");
        var ics = confirmation.Attachments.OfType<MimeKit.MimePart>().Single(a => a.FileName == "bijeenkomst.ics");
        using var stream = new MemoryStream();
        await ics.Content!.DecodeToAsync(stream);
        var calendar = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("BEGIN:VEVENT", calendar);
        Assert.Contains("Pitches", calendar); // the programme travels along
        await MailFolder.WaitForAsync(factory, "cor@example.org", "Op de wachtlijst");

        var cancel = MailFolder.LinkIn(confirmation, "/bijeenkomsten/afmelden");
        var browser = factory.NewBrowser();
        var page = await browser.GetPageAsync(cancel);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var code = page.QuerySelector("input[name=code]")!.GetAttribute("value")!;
        var done = await browser.PostAsync(cancel, new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["__RequestVerificationToken"] = token }));
        Assert.Contains("Je bent afgemeld", await done.Content.ReadAsStringAsync());

        var movedUp = await MailFolder.WaitForAsync(factory, "cor@example.org", "Er is een plek voor je");
        Assert.Contains("wachtlijst", movedUp.TextBody);
        Assert.Contains("Vol", await PlacesTextAsync(e.Slug));
        Assert.Contains("werkt niet (meer)", (await factory.NewBrowser().GetPageAsync(cancel)).Text("[role=alert]"));
    }

    [Fact]
    public async Task Fifty_simultaneous_registrations_for_the_last_ten_places_give_ten_places_and_forty_on_the_waiting_list()
    {
        var e = await NewEventAsync("Drukke avond", capacity: 12);
        async Task RegisterDirectAsync(int i)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Registrations>().RegisterAsync(e, $"Deelnemer {i}", $"deelnemer{i}@example.org", "", "", "http://localhost", CancellationToken.None);
        }
        await RegisterDirectAsync(100);
        await RegisterDirectAsync(101);
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => RegisterDirectAsync(i))));
        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ContentDb>();
        var counts = await db.Registrations.Where(r => r.EventId == e.Id).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(12, counts.Single(c => c.Key == RegistrationStatus.Confirmed).Count);
        Assert.Equal(40, counts.Single(c => c.Key == RegistrationStatus.Waiting).Count);
    }

    [Fact]
    public async Task An_online_link_goes_only_to_registrants_and_never_to_the_public_page_api_or_calendar()
    {
        var e = await NewEventAsync("Online leeravond", capacity: null, online: "https://video.example.org/geheim-kamer-42");
        var client = factory.CreatePlainClient();
        foreach (var path in new[] { $"/bijeenkomsten/{e.Slug}", $"/bijeenkomsten/{e.Slug}.ics", "/bijeenkomsten/agenda.ics", $"/api/v1/events/{e.Slug}", "/api/v1/export.json" })
            Assert.DoesNotContain("geheim-kamer-42", await client.GetStringAsync(path));
        await RegisterAsync(factory, e.Slug, "Olga Online", "olga@example.org");
        var mail = await MailFolder.WaitForAsync(factory, "olga@example.org", "Aangemeld");
        Assert.Contains("geheim-kamer-42", mail.TextBody);
    }

    [Fact]
    public async Task Editors_see_export_and_mail_registrations_and_cancelling_the_event_tells_everyone()
    {
        var e = await NewEventAsync("Avond die niet doorgaat", capacity: 1);
        await RegisterAsync(factory, e.Slug, "Piet Plek", "piet@example.org", "=HYPERLINK(\"x\")");
        await RegisterAsync(factory, e.Slug, "Wim Wacht", "wim@example.org");
        var (editor, _) = await factory.SignedInAsync(Roles.Editor);
        var list = await editor.GetPageAsync($"/beheer/aanmeldingen/{e.Id}");
        Assert.Contains("1 aangemeld van 1 plaatsen, 1 op de wachtlijst", list.Text("#telling"));
        var csv = await editor.GetStringAsync($"/beheer/aanmeldingen/{e.Id}?handler=Csv");
        Assert.Contains("piet@example.org", csv);
        Assert.Contains("\"'=HYPERLINK", csv); // no formula in a spreadsheet

        var token = list.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var mailed = await editor.PostAsync($"/beheer/aanmeldingen/{e.Id}?handler=Mail", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Subject"] = "Andere zaal", ["Text"] = "We zitten in zaal 3.", ["__RequestVerificationToken"] = token }));
        // Every successful back-office POST ends in a redirect, so a refresh never mails again; the message follows once.
        Assert.Equal(HttpStatusCode.Redirect, mailed.StatusCode);
        Assert.Equal($"/beheer/aanmeldingen/{e.Id}", mailed.Headers.Location!.OriginalString);
        Assert.Contains("Het bericht gaat naar 2 mensen.", (await editor.GetPageAsync($"/beheer/aanmeldingen/{e.Id}")).Text("[role=status]"));
        Assert.DoesNotContain("Het bericht gaat", (await editor.GetPageAsync($"/beheer/aanmeldingen/{e.Id}")).Text("main"));
        Assert.Contains("zaal 3", (await MailFolder.WaitForAsync(factory, "wim@example.org", "Andere zaal")).TextBody);

        // Without ticking "Ja, ik wil deze bijeenkomst afgelasten" nothing happens.
        var unsure = await editor.PostAsync($"/beheer/aanmeldingen/{e.Id}?handler=CancelEvent", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unsure.StatusCode);
        Assert.Contains("Er is nog niets veranderd", await unsure.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Deze bijeenkomst is afgelast", (await editor.GetPageAsync($"/beheer/aanmeldingen/{e.Id}")).Text("#telling"));
        var cancelled = await editor.PostAsync($"/beheer/aanmeldingen/{e.Id}?handler=CancelEvent", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["zeker"] = "ja", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Contains("De bijeenkomst is afgelast. 2 mensen", (await editor.GetPageAsync($"/beheer/aanmeldingen/{e.Id}")).Text("[role=status]"));
        // A second click finds it cancelled and mails nobody again.
        var again = await editor.PostAsync($"/beheer/aanmeldingen/{e.Id}?handler=CancelEvent", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["zeker"] = "ja", ["__RequestVerificationToken"] = token }));
        Assert.Contains("al afgelast", await again.Content.ReadAsStringAsync());
        await MailFolder.WaitForAsync(factory, "piet@example.org", "Afgelast");
        await MailFolder.WaitForAsync(factory, "wim@example.org", "Afgelast");
        Assert.Contains("afgelast", (await factory.CreatePlainClient().GetPageAsync($"/bijeenkomsten/{e.Slug}")).Text(".notice--status"));
        var refused = await (await factory.SignedInAsync(Roles.Author)).Browser.GetAsync($"/beheer/aanmeldingen/{e.Id}");
        Assert.Contains("geen-toegang", refused.Headers.Location!.OriginalString); // an auteur sees no registrations
    }

    [Fact]
    public async Task The_retention_job_deletes_registrations_thirty_days_after_the_event()
    {
        var e = await NewEventAsync("Oude avond", capacity: 5);
        await RegisterAsync(factory, e.Slug, "Vera Vroeger", "vera@example.org");
        var job = factory.Services.GetRequiredService<RetentionJob>();
        factory.Clock.Now = factory.Clock.Now.AddDays(45);
        await job.RunAsync(CancellationToken.None);
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ContentDb>().Registrations.CountAsync(r => r.EventId == e.Id));
        factory.Clock.Now = factory.Clock.Now.AddDays(10);
        await job.RunAsync(CancellationToken.None);
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ContentDb>().Registrations.CountAsync(r => r.EventId == e.Id));
        Assert.Contains("30 dagen na de bijeenkomst", (await factory.CreatePlainClient().GetPageAsync("/privacy")).Text("main"));
    }

    [Fact]
    public async Task Planning_an_event_at_the_same_time_in_the_same_place_warns_and_names_the_other()
    {
        var start = factory.Clock.Now.UtcDateTime.Date.AddDays(60).AddHours(18);
        var first = await NewEventAsync("Buurtavond Noord", capacity: 20, place: "Deventer", startsAt: start);
        var second = await NewEventAsync("Bewonersavond Zuid", capacity: 20, place: "deventer", startsAt: start.AddHours(1));
        var (editor, _) = await factory.SignedInAsync(Roles.Editor);
        var page = await editor.GetPageAsync($"/beheer/inhoud/{second.Id}");
        Assert.Contains("Buurtavond Noord", page.Text("#overlap"));
        Assert.Contains(first.Id.ToString(), page.Links("#overlap a").Single());

        // The public agenda filters by municipality, so organisers can find a free evening.
        var agenda = await factory.CreatePlainClient().GetPageAsync("/bijeenkomsten?gemeente=Deventer&wanneer=komend");
        Assert.Contains("Deventer (2)", agenda.QuerySelectorAll("[data-facet=gemeente] a").Select(a => a.TextContent.Trim())); // one place, whatever its capitals
        Assert.Contains("Buurtavond Noord", agenda.Text("main"));
        Assert.Contains("Bewonersavond Zuid", agenda.Text("main"));
        Assert.DoesNotContain("Participatieavond Kruidenwijk", agenda.Text("main")); // the Tilburg example

        // The same filter in the open data API.
        var api = await factory.CreatePlainClient().GetStringAsync("/api/v1/events?municipality=Deventer&pageSize=100");
        Assert.Contains("Buurtavond Noord", api);
        Assert.DoesNotContain("Participatieavond Kruidenwijk", api);
    }

    [Fact]
    public async Task The_seed_has_three_upcoming_example_events_that_take_registrations()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var now = DateTime.UtcNow; // the first start; other tests here move the test clock on
        var examples = await scope.ServiceProvider.GetRequiredService<ContentDb>().Items.OfType<Event>()
            .Where(e => e.IsFictional && e.TakesRegistrations).ToListAsync();
        Assert.True(examples.Count(e => e.StartsAt > now) >= 3);
        Assert.All(examples, e => Assert.NotEmpty(e.ProgrammeLines()));
    }
}
