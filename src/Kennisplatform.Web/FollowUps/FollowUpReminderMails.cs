using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Mail;
using Kennisplatform.Web.OpenData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.FollowUps;

/// <summary>Section Kennisplatform:FollowUpReminders.</summary>
public sealed class FollowUpReminderOptions
{
    public const string Section = "Kennisplatform:FollowUpReminders";

    /// <summary>How often a node looks for cases that reached a milestone.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The first look waits this long after start, so a restart does not race the site's own start-up.</summary>
    public TimeSpan FirstLookAfter { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Mails the redacteuren about cases that reached one or three years without a follow-up (the same cases the dashboard
/// lists): one mail per redacteur per round, naming each case once per milestone, ever.
/// </summary>
public sealed class FollowUpReminderMails(ContentDb db, FollowUpDesk desk, UserManager<Editor> users, Mailer mailer, TimeProvider clock, LinkGenerator links, IServiceProvider services)
{
    public const string Purpose = "vervolg-herinnering";

    /// <summary>Sends the reminders that are due; returns how many mails went into the outbox.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Disabled accounts (locked out for good) hear nothing; with no active redacteur nothing is claimed.
        var editors = (await users.GetUsersInRoleAsync(Roles.Editor)).Where(e => e.Email is not null && (e.LockoutEnd is null || e.LockoutEnd <= now))
            .OrderBy(e => e.Email, StringComparer.Ordinal).ToList();
        if (editors.Count == 0)
            return 0; // nobody to tell: nothing is claimed, so the first redacteur hears of every case
        var due = await desk.RemindersAsync(cancellationToken);
        if (due.Count == 0)
            return 0;

        var ids = due.Select(r => r.Case.Id).ToList();
        // Claim the milestones and put the mails in the outbox in one transaction: a crash or a failed write in between
        // takes the claim back, so the next round sends them; a node that claimed first makes this one's insert fail.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var done = (await db.RemindedMilestones.Where(r => ids.Contains(r.CaseId)).Select(r => new { r.CaseId, r.Years }).ToListAsync(cancellationToken))
            .Select(r => (r.CaseId, r.Years)).ToHashSet();
        var fresh = due.Where(r => !done.Contains((r.Case.Id, r.Years))).ToList();
        if (fresh.Count == 0)
            return 0;
        db.RemindedMilestones.AddRange(fresh.Select(r => new RemindedMilestone { CaseId = r.Case.Id, Years = r.Years, RemindedAt = now.UtcDateTime }));
        var baseUrl = PublicUrls.Base(services);
        foreach (var editor in editors)
            mailer.Queue(Mail(editor, fresh, baseUrl));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await ClaimedElsewhereAsync(fresh, cancellationToken))
                return 0;
            throw;
        }
        mailer.Wake();
        return editors.Count;
    }

    /// <summary>Whether another node already claimed one of these milestones (its insert won), read after our rollback.</summary>
    private async Task<bool> ClaimedElsewhereAsync(IReadOnlyList<FollowUpReminder> fresh, CancellationToken cancellationToken)
    {
        var ids = fresh.Select(r => r.Case.Id).ToList();
        var claimed = await db.RemindedMilestones.AsNoTracking().Where(r => ids.Contains(r.CaseId)).Select(r => new { r.CaseId, r.Years }).ToListAsync(cancellationToken);
        return claimed.Any(c => fresh.Any(r => r.Case.Id == c.CaseId && r.Years == c.Years));
    }

    private string Desk(string baseUrl, int? caseId, string fragment) =>
        baseUrl + links.GetPathByPage("/Beheer/Vervolgen", values: caseId is null ? null : new { praktijkvoorbeeld = caseId }, fragment: new FragmentString("#" + fragment));

    private MailMessage Mail(Editor editor, IReadOnlyList<FollowUpReminder> due, string baseUrl)
    {
        var list = string.Join("\n", due.Select(r => $"- {r.Case.Title}: {r.Years} jaar verder. Vervolg toevoegen: {Desk(baseUrl, r.Case.Id, "toevoegen")}"));
        return new MailMessage(Purpose, editor.Email!, editor.DisplayName,
            due.Count == 1 ? $"Tijd voor een vervolg: {due[0].Case.Title}" : $"Tijd voor een vervolg bij {due.Count} praktijkvoorbeelden",
            [
                due.Count == 1
                    ? "Dit praktijkvoorbeeld is een of drie jaar verder en heeft nog geen vervolg. Vraag na hoe het verder ging:"
                    : "Deze praktijkvoorbeelden zijn een of drie jaar verder en hebben nog geen vervolg. Vraag na hoe het verder ging:",
                list,
                "Over elk praktijkvoorbeeld krijg je deze e-mail hoogstens twee keer: na een jaar en na drie jaar. Je krijgt hem omdat je redacteur bent.",
            ])
        { Link = new("Naar de vervolgen in het beheer", Desk(baseUrl, null, "herinneringen")) };
    }
}

/// <summary>Looks for due follow-up reminders every <see cref="FollowUpReminderOptions.Interval"/>. Several nodes may look.</summary>
public sealed class FollowUpReminderJob(IServiceScopeFactory scopes, IOptions<FollowUpReminderOptions> options, TimeProvider clock, ILogger<FollowUpReminderJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try { await Task.Delay(options.Value.FirstLookAfter, clock, stoppingToken); }
        catch (OperationCanceledException) { return; }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<FollowUpReminderMails>().SendDueAsync(stoppingToken);
                if (sent > 0)
                    log.LogInformation("Sent {Count} follow-up reminder mails", sent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Follow-up reminders not sent this round");
            }
            try { await Task.Delay(options.Value.Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
