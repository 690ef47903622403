using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>Redacteuren hear by mail, once per case and milestone, of cases a year or three on without a follow-up.</summary>
public class FollowUpReminderMailTests(FollowUpReminderMailTests.Factory factory) : IClassFixture<FollowUpReminderMailTests.Factory>
{
    public sealed class Factory() : InterceptedSiteFactory(new DigestCrashTests.OutboxBreaker())
    {
        public DigestCrashTests.OutboxBreaker Breaker => (DigestCrashTests.OutboxBreaker)Interceptor;
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<int> SendAsync() => WithAsync(services => services.GetRequiredService<FollowUpReminderMails>().SendDueAsync(CancellationToken.None));

    private Task<List<Content.Mail.OutboxMail>> RemindersToAsync(string address) => WithAsync(services => services.GetRequiredService<ContentDb>().Outbox.AsNoTracking()
        .Where(m => m.ToAddress == address && m.Purpose == FollowUpReminderMails.Purpose).OrderBy(m => m.Id).ToListAsync());

    private Case Running(string title) => new()
    {
        Title = title, Summary = "Samenvatting.", Outcome = CaseOutcome.TooEarly, Municipality = "Ede", StartYear = factory.Clock.Now.Year,
        Status = ContentStatus.Published, PublishedAt = factory.Clock.Now.UtcDateTime,
    };

    [Fact]
    public async Task A_case_crossing_its_first_year_gives_one_mail_once_and_a_case_with_a_follow_up_none()
    {
        const string redacteur = "herinnering-redacteur@example.org";
        await factory.CreateEditorAsync(redacteur, Roles.Editor);
        await factory.CreateEditorAsync("herinnering-auteur@example.org", Roles.Author);
        var disabled = await factory.CreateEditorAsync("herinnering-uitgezet@example.org", Roles.Editor);
        await WithAsync(async services =>
        {
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Editor>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(disabled.Id))!, DateTimeOffset.MaxValue);
        });
        await SendAsync(); // the seeded cases that are already due: only what happens from here counts
        var before = (await RemindersToAsync(redacteur)).Count;

        var quiet = await factory.SaveAsync(Running("Tuinclub zonder vervolg"));
        var told = await factory.SaveAsync(Running("Tuinclub met vervolg"));
        Assert.Equal(0, await SendAsync());

        factory.Clock.Now = factory.Clock.Now.AddDays(367);
        Assert.True(await WithAsync(services => services.GetRequiredService<FollowUpDesk>().AddAsync(told.Id, new FollowUp
        {
            Title = "Een jaar later", Date = DateOnly.FromDateTime(factory.Clock.Now.UtcDateTime), Text = "De tuinclub loopt nog, met twee nieuwe trekkers.",
        }, CancellationToken.None)));

        // Writing the mail fails: the milestone is not claimed either, so the next round sends it.
        factory.Breaker.Armed = true;
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(SendAsync);
        }
        finally
        {
            factory.Breaker.Armed = false;
        }
        Assert.Equal(before, (await RemindersToAsync(redacteur)).Count);
        Assert.False(await WithAsync(services => services.GetRequiredService<ContentDb>().RemindedMilestones.AnyAsync(r => r.CaseId == quiet.Id)));

        Assert.Equal(1, await SendAsync());
        var mails = await RemindersToAsync(redacteur);
        Assert.Equal(before + 1, mails.Count);
        var mail = mails[^1];
        Assert.Contains("Tuinclub zonder vervolg: 1 jaar verder", mail.TextBody);
        Assert.Contains($"/beheer/vervolgen?praktijkvoorbeeld={quiet.Id}#toevoegen", mail.TextBody);
        Assert.DoesNotContain("Tuinclub met vervolg", mail.TextBody);
        Assert.Empty(await RemindersToAsync("herinnering-auteur@example.org"));
        Assert.Empty(await RemindersToAsync("herinnering-uitgezet@example.org")); // a disabled account hears nothing

        Assert.Equal(0, await SendAsync());
        factory.Clock.Now = factory.Clock.Now.AddDays(30);
        Assert.Equal(0, await SendAsync());
        Assert.Equal(before + 1, (await RemindersToAsync(redacteur)).Count);
    }
}
