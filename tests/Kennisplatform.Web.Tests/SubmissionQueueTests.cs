using System.Net;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Submissions;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>The queue of shared stories: contact details for redacteuren only, accept into a concept, decline with a reason.</summary>
public class SubmissionQueueTests(SubmissionQueueTests.Factory factory) : IClassFixture<SubmissionQueueTests.Factory>
{
    public sealed class Factory : SiteFactory;

    /// <summary>A story as "Deel je ervaring" stores it: a concept case by the submission author, with its contact details beside it.</summary>
    private async Task<(int SubmissionId, int CaseId)> SharedAsync(string title, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var story = new Case { Title = title, Summary = "Kort.", Body = "Wij begonnen met koffie op het plein.", Municipality = "Assen", Author = DeelJeErvaringModel.SubmissionAuthor };
        var contact = new Submission { Case = story, ReceivedAt = DateTime.UtcNow, Name = "Sanne Inzender", Email = email, Phone = "0612345678", MayContact = true };
        var saved = await scope.ServiceProvider.GetRequiredService<ContentStore>().SaveAsync(story, DeelJeErvaringModel.SubmissionAuthor, 0, default, [contact]);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        return (contact.Id, story.Id);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await SiteFactory.TokenAsync(browser, "/beheer/inzendingen");
        return await browser.PostAsync($"/beheer/inzendingen?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private async Task<T> InScopeAsync<T>(Func<ContentDb, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ContentDb>());
    }

    [Fact]
    public async Task Redacteuren_see_the_story_with_contact_details_and_auteurs_never_do()
    {
        await SharedAsync("Koffie op het plein", "sanne@example.net");
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var page = await redacteur.GetPageAsync("/beheer/inzendingen");
        var section = page.QuerySelectorAll("section.submission").Single(s => s.QuerySelector("h2")!.TextContent == "Koffie op het plein");
        Assert.Contains("Wij begonnen met koffie op het plein.", section.TextContent);
        Assert.Contains("sanne@example.net", section.TextContent);
        Assert.Contains("0612345678", section.TextContent);
        Assert.Equal("page", page.QuerySelector("nav[aria-label=Beheermenu] a[href='/beheer/inzendingen']")!.GetAttribute("aria-current"));

        var (auteur, _) = await factory.SignedInAsync(Roles.Author);
        var refused = await auteur.GetAsync("/beheer/inzendingen");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("http://localhost/beheer/geen-toegang", refused.Headers.Location!.ToString());
        Assert.DoesNotContain("sanne@example.net", await (await auteur.GetAsync("/beheer")).Content.ReadAsStringAsync());
        Assert.Null((await auteur.GetPageAsync("/beheer")).QuerySelector("a[href='/beheer/inzendingen']"));
        var anonymous = await factory.NewBrowser().GetAsync("/beheer/inzendingen");
        Assert.StartsWith("http://localhost/beheer/inloggen", anonymous.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Accepting_makes_a_concept_case_of_the_redacteur_and_opens_its_form()
    {
        var (submission, caseId) = await SharedAsync("Buurtkeuken in de kerk", "keuken@example.net");
        var (redacteur, editor) = await factory.SignedInAsync(Roles.Editor);
        var accepted = await PostAsync(redacteur, "Accept", new() { ["id"] = submission.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/beheer/inhoud/{caseId}", accepted.Headers.Location!.OriginalString);
        await redacteur.GetPageAsync(accepted.Headers.Location.OriginalString);

        var item = await InScopeAsync(db => db.Items.AsNoTracking().SingleAsync(i => i.Id == caseId));
        Assert.Equal(ContentStatus.Draft, item.Status);
        Assert.Equal(editor.UserName, item.Author);
        Assert.DoesNotContain("Buurtkeuken in de kerk", (await redacteur.GetPageAsync("/beheer/inzendingen")).Text("main"));
        Assert.True(await InScopeAsync(db => db.Audit.AnyAsync(a => a.Action == "inzending aangenomen als concept" && a.Subject == "Buurtkeuken in de kerk")));

        // A second accept (a refresh, another redacteur) changes nothing and says why.
        var again = await PostAsync(redacteur, "Accept", new() { ["id"] = submission.ToString() });
        Assert.Equal("/beheer/inzendingen", again.Headers.Location!.OriginalString);
        Assert.Contains("bestaat niet (meer)", (await redacteur.GetPageAsync("/beheer/inzendingen")).Text("[role=status]"));
    }

    [Fact]
    public async Task Declining_needs_a_reason_then_archives_the_story_deletes_the_contact_details_and_logs_the_reason()
    {
        var (submission, caseId) = await SharedAsync("Reclame voor een winkel", "winkel@example.net");
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);

        var noReason = await PostAsync(redacteur, "Decline", new() { ["id"] = submission.ToString(), ["reden"] = "   " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Schrijf waarom je deze inzending afwijst.", await noReason.Content.ReadAsStringAsync());
        Assert.True(await InScopeAsync(db => db.Submissions.AnyAsync(s => s.Id == submission)));

        var declined = await PostAsync(redacteur, "Decline", new() { ["id"] = submission.ToString(), ["reden"] = "Dit is reclame, geen ervaring uit de wijk." });
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal("/beheer/inzendingen", declined.Headers.Location!.OriginalString);
        var after = await redacteur.GetPageAsync("/beheer/inzendingen");
        Assert.Contains("afgewezen", after.Text("[role=status]"));
        Assert.DoesNotContain("winkel@example.net", after.DocumentElement.OuterHtml);

        Assert.Equal(ContentStatus.Archived, await InScopeAsync(db => db.Items.Where(i => i.Id == caseId).Select(i => i.Status).SingleAsync()));
        Assert.False(await InScopeAsync(db => db.Submissions.AnyAsync(s => s.Id == submission)));
        Assert.True(await InScopeAsync(db => db.Audit.AnyAsync(a => a.Action == "inzending afgewezen: Dit is reclame, geen ervaring uit de wijk." && a.Subject == "Reclame voor een winkel")));
    }

    [Fact]
    public async Task Posts_without_antiforgery_or_with_an_unknown_id_change_nothing()
    {
        var (submission, _) = await SharedAsync("Speeltuin zonder hek", "hek@example.net");
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var forged = await redacteur.PostAsync("/beheer/inzendingen?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = submission.ToString() }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        foreach (var id in new[] { "999999", "abc", "" })
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(redacteur, "Decline", new() { ["id"] = id, ["reden"] = "x" })).StatusCode);
        Assert.True(await InScopeAsync(db => db.Submissions.AnyAsync(s => s.Id == submission)));
    }
}
