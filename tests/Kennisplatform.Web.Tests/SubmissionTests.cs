using System.Net;
using AngleSharp.Html.Parser;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

public class SubmissionTests(SubmissionTests.Factory factory) : IClassFixture<SubmissionTests.Factory>
{
    public class Factory : SiteFactory
    {
        public Factory() { }

        protected Factory(SiteFactory first) : base(first) { }

        protected virtual int PerHour => 1000;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kennisplatform:Submissions:PerHour", PerHour.ToString());
        }
    }

    public sealed class StrictFactory : Factory
    {
        protected override int PerHour => 2;
    }

    /// <summary>A second node with the same limit, on the database of <paramref name="first"/>.</summary>
    public sealed class StrictNode(SiteFactory first) : Factory(first)
    {
        protected override int PerHour => 2;
    }

    internal static async Task<HttpResponseMessage> SubmitAsync(SiteFactory site, Dictionary<string, string> fields, bool wait = true)
    {
        var browser = site.NewBrowser();
        var form = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync("/deel-je-ervaring"));
        fields["__RequestVerificationToken"] = form.QuerySelector("form.submission-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields["Stamp"] = form.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!;
        if (wait)
            site.Clock.Now = site.Clock.Now.AddSeconds(30); // a person takes a while to write
        return await browser.PostAsync("/deel-je-ervaring", new FormUrlEncodedContent(fields));
    }

    internal static Dictionary<string, string> Story(string title) => new()
    {
        ["Title"] = title,
        ["Municipality"] = "Zaandam",
        ["Neighbourhood"] = "", // optional fields left empty
        ["WhatDidNotWork"] = "",
        ["Story"] = "Met buren hebben we elke zaterdag de straat schoongemaakt en daarna koffie gedronken.",
        ["Outcome"] = "geslaagd",
        ["WhatWorked"] = "Vaste tijd, koffie na afloop.",
        ["Name"] = "Sanne Straat",
        ["Email"] = "sanne@example.org",
        ["Phone"] = "0612345678",
        ["MayContact"] = "true",
        ["Consent"] = "true",
        ["Website"] = "",
    };

    private async Task<(ContentDb Db, AsyncServiceScope Scope)> DbAsync()
    {
        var scope = factory.Services.CreateAsyncScope();
        await Task.CompletedTask;
        return (scope.ServiceProvider.GetRequiredService<ContentDb>(), scope);
    }

    [Fact]
    public async Task A_shared_story_waits_as_a_concept_and_the_contact_details_stay_private()
    {
        var response = await SubmitAsync(factory, Story("Samen de straat schoon"));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal("/deel-je-ervaring/bedankt", response.Headers.Location!.OriginalString);

        var (db, scope) = await DbAsync();
        await using (scope)
        {
            var story = await db.Items.OfType<Case>().AsNoTracking().SingleAsync(c => c.Title == "Samen de straat schoon");
            Assert.Equal((ContentStatus.Draft, CaseOutcome.Succeeded, "inzending", "Zaandam"), (story.Status, story.Outcome, story.Author, story.Municipality));
            var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.CaseId == story.Id);
            Assert.Equal(("Sanne Straat", "sanne@example.org", "0612345678", true), (submission.Name, submission.Email, submission.Phone, submission.MayContact));
            Assert.DoesNotContain("sanne@example.org", Kennisplatform.Content.Files.ContentFile.Write(story));
        }
        await factory.CreatePlainClient().GetPageAsync("/praktijkvoorbeelden/samen-de-straat-schoon", expectedStatus: 404);
        Assert.DoesNotContain("sanne@example.org", await factory.CreatePlainClient().GetStringAsync("/api/v1/export.json"));

        var (redacteur, _) = await factory.SignedInAsync(Kennisplatform.Web.Accounts.Roles.Editor);
        var dashboard = await redacteur.GetPageAsync("/beheer");
        Assert.Contains("Samen de straat schoon", dashboard.Text("#inzendingen + ul"));
        // The contact details are in the queue of shared stories only, not on the dashboard.
        Assert.DoesNotContain("sanne@example.org", dashboard.Text("main"));
        Assert.Contains("sanne@example.org", (await redacteur.GetPageAsync("/beheer/inzendingen")).Text("main"));
    }

    [Fact]
    public async Task A_post_seconds_after_loading_the_form_is_refused_and_nothing_is_stored()
    {
        var response = await SubmitAsync(factory, Story("Te snel verstuurd"), wait: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("te snel of te laat", await response.Content.ReadAsStringAsync());
        var (db, scope) = await DbAsync();
        await using (scope)
            Assert.False(await db.Items.AnyAsync(i => i.Title == "Te snel verstuurd"));
    }

    [Fact]
    public async Task A_bot_that_fills_the_hidden_field_sees_thanks_but_nothing_is_stored()
    {
        var fields = Story("Bot verhaal");
        fields["Website"] = "https://spam.example";
        var response = await SubmitAsync(factory, fields);
        Assert.Equal("/deel-je-ervaring/bedankt", response.Headers.Location!.OriginalString);
        var (db, scope) = await DbAsync();
        await using (scope)
            Assert.False(await db.Items.AnyAsync(i => i.Title == "Bot verhaal"));
    }

    [Fact]
    public async Task Missing_consent_and_an_unexplained_failure_get_Dutch_messages()
    {
        var fields = Story("Mislukt zonder uitleg");
        fields["Outcome"] = "mislukt";
        fields["Consent"] = "false";
        fields["Email"] = "geen-adres";
        var response = await SubmitAsync(factory, fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("Geef toestemming", page.QuerySelector("#Consent-fout")!.TextContent);
        Assert.Contains("wat er niet werkte", page.QuerySelector("#WhatDidNotWork-fout")!.TextContent);
        Assert.Contains("geen geldig e-mailadres", page.QuerySelector("#Email-fout")!.TextContent);
        Assert.Equal("Mislukt zonder uitleg", page.QuerySelector("#Title")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_form_is_never_served_from_the_shared_cache()
    {
        var first = await new HtmlParser().ParseDocumentAsync(await factory.NewBrowser().GetStringAsync("/deel-je-ervaring"));
        factory.Clock.Now = factory.Clock.Now.AddSeconds(1);
        var second = await new HtmlParser().ParseDocumentAsync(await factory.NewBrowser().GetStringAsync("/deel-je-ervaring"));
        Assert.NotEqual(first.QuerySelector("input[name=Stamp]")!.GetAttribute("value"), second.QuerySelector("input[name=Stamp]")!.GetAttribute("value"));
    }
}

public class SubmissionLimitTests(SubmissionTests.StrictFactory factory) : IClassFixture<SubmissionTests.StrictFactory>
{
    [Fact]
    public async Task One_address_may_send_a_few_stories_an_hour_whichever_node_answers()
    {
        using var otherNode = new SubmissionTests.StrictNode(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmissionTests.SubmitAsync(factory, SubmissionTests.Story("Eerste"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmissionTests.SubmitAsync(otherNode, SubmissionTests.Story("Tweede"))).StatusCode);
        var third = await SubmissionTests.SubmitAsync(factory, SubmissionTests.Story("Derde"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Probeer het later opnieuw", await third.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SubmissionTests.SubmitAsync(otherNode, SubmissionTests.Story("Vierde"))).StatusCode);

        // An hour after the first story the address may send again.
        factory.Clock.Now = factory.Clock.Now.AddHours(1);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmissionTests.SubmitAsync(factory, SubmissionTests.Story("Vijfde"))).StatusCode);
    }
}

public class StoryLimitTests(SubmissionTests.StrictFactory factory) : IClassFixture<SubmissionTests.StrictFactory>
{
    [Fact]
    public async Task Stories_refused_for_a_mistake_do_not_use_up_the_hourly_limit()
    {
        for (var i = 0; i < 3; i++)
        {
            var wrong = SubmissionTests.Story($"Zonder toestemming {i}");
            wrong["Consent"] = "false";
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SubmissionTests.SubmitAsync(factory, wrong)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await SubmissionTests.SubmitAsync(factory, SubmissionTests.Story("Eerste echte"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmissionTests.SubmitAsync(factory, SubmissionTests.Story("Tweede echte"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SubmissionTests.SubmitAsync(factory, SubmissionTests.Story("Derde echte"))).StatusCode);
    }
}

public class DoubleSubmitTests(SubmissionTests.StrictFactory factory) : IClassFixture<SubmissionTests.StrictFactory>
{
    [Fact]
    public async Task The_same_form_sent_twice_stores_one_story_and_uses_the_limit_once()
    {
        var browser = factory.NewBrowser();
        var form = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync("/deel-je-ervaring"));
        var fields = SubmissionTests.Story("Twee keer geklikt");
        fields["__RequestVerificationToken"] = form.QuerySelector("form.submission-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields["Stamp"] = form.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!;
        factory.Clock.Now = factory.Clock.Now.AddSeconds(30);
        var first = await browser.PostAsync("/deel-je-ervaring", new FormUrlEncodedContent(fields));
        var second = await browser.PostAsync("/deel-je-ervaring", new FormUrlEncodedContent(fields));
        var replayed = await factory.NewBrowser().PostAsync("/deel-je-ervaring", new FormUrlEncodedContent(fields));

        // Both see the thank-you (a double click must not look like a failure); only one story is stored.
        Assert.All(new[] { first, second }, r => Assert.Equal("/deel-je-ervaring/bedankt", r.Headers.Location?.OriginalString));
        Assert.NotEqual(HttpStatusCode.InternalServerError, replayed.StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            Assert.Equal(1, await db.Items.OfType<Case>().CountAsync(c => c.Title == "Twee keer geklikt"));
        }
        // The strict limit is two an hour: the repeat did not use the second.
        Assert.Equal(HttpStatusCode.Redirect, (await SubmissionTests.SubmitAsync(factory, SubmissionTests.Story("Een ander verhaal"))).StatusCode);
    }
}

public class SubmissionRetentionTests(SubmissionRetentionTests.Factory factory) : IClassFixture<SubmissionRetentionTests.Factory>
{
    /// <summary>Retention periods other than the defaults, so the privacy page can only show them by reading the settings.</summary>
    public sealed class Factory : SubmissionTests.Factory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kennisplatform:Privacy:SubmissionContactDays", "45");
            builder.UseSetting("Kennisplatform:Privacy:ContactMessageDays", "12");
        }
    }

    [Fact]
    public async Task A_story_senders_contact_details_are_deleted_after_the_configured_days_and_the_story_stays()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SubmissionTests.SubmitAsync(factory, SubmissionTests.Story("Bewaard verhaal"))).StatusCode);
        var job = factory.Services.GetRequiredService<Kennisplatform.Web.Events.RetentionJob>();
        async Task<(int Senders, int Stories)> CountAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            return (await db.Submissions.CountAsync(s => s.Case.Title == "Bewaard verhaal"), await db.Items.OfType<Case>().CountAsync(c => c.Title == "Bewaard verhaal"));
        }

        factory.Clock.Now = factory.Clock.Now.AddDays(44);
        await job.RunAsync(CancellationToken.None);
        Assert.Equal((1, 1), await CountAsync());
        factory.Clock.Now = factory.Clock.Now.AddDays(2);
        await job.RunAsync(CancellationToken.None);
        Assert.Equal((0, 1), await CountAsync());
    }

    [Fact]
    public async Task The_privacy_page_shows_the_retention_periods_the_site_is_set_to()
    {
        var rows = (await factory.CreatePlainClient().GetPageAsync("/privacy")).QuerySelectorAll("#bewaartermijnen-tabel tbody tr")
            .Select(r => r.TextContent.Trim()).ToList();
        Assert.Contains(rows, r => r.Contains("gedeeld verhaal") && r.Contains("45 dagen"));
        Assert.Contains(rows, r => r.Contains("contactformulier") && r.Contains("12 dagen"));
        Assert.Contains(rows, r => r.Contains("bijeenkomst") && r.Contains("30 dagen na de bijeenkomst"));
        Assert.Empty((await factory.CreatePlainClient().GetPageAsync("/over")).QuerySelectorAll("#bewaartermijnen-tabel"));
    }
}
