using Kennisplatform.Content.Events;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Events;

/// <summary>Section Kennisplatform:Privacy: how long personal records are kept. The privacy page shows these values.</summary>
public sealed class RetentionOptions
{
    /// <summary>Registrations are deleted this many days after their event ended.</summary>
    public int RegistrationDaysAfterEvent { get; set; } = 30;
    /// <summary>Contact messages are deleted this many days after they arrived (the mail itself went out at once).</summary>
    public int ContactMessageDays { get; set; } = 30;
    /// <summary>An alert nobody confirmed is deleted after this many days.</summary>
    public int UnconfirmedAlertDays { get; set; } = 7;
    /// <summary>
    /// The name, address and phone number sent with a shared story are deleted this many days after it arrived: time
    /// enough for the editors to ask a question about it. The story itself stays, as a draft or published case.
    /// </summary>
    public int SubmissionContactDays { get; set; } = 90;
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Once a day: deletes personal data whose purpose is over. Plain set-based DELETEs, safe to run on several nodes
/// at once (a second run finds nothing left).
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, IOptions<MailOptions> mail, TimeProvider clock, ILogger<RetentionJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Retention run failed; it runs again later");
            }
            try { await Task.Delay(options.Value.Interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var eventsBefore = now.AddDays(-settings.RegistrationDaysAfterEvent);
        var registrations = await db.Registrations.Where(r => r.Event.EndsAt < eventsBefore).ExecuteDeleteAsync(cancellationToken);
        var messages = await db.ContactMessages.Where(m => m.ReceivedAt < now.AddDays(-settings.ContactMessageDays)).ExecuteDeleteAsync(cancellationToken);
        var alerts = await db.Subscriptions.Where(s => s.ConfirmedAt == null && s.CreatedAt < now.AddDays(-settings.UnconfirmedAlertDays)).ExecuteDeleteAsync(cancellationToken);
        var submitters = await db.Submissions.Where(s => s.ReceivedAt < now.AddDays(-settings.SubmissionContactDays)).ExecuteDeleteAsync(cancellationToken);
        // Reporters of "ik heb dit ook geprobeerd" and follow-up proposers lose their name and address after the same
        // time as story senders; a turned-down follow-up proposal goes whole.
        var contactBefore = now.AddDays(-settings.SubmissionContactDays);
        submitters += await Trials.TrialDesk.ForgetAsync(db, contactBefore, cancellationToken);
        submitters += await FollowUps.FollowUpDesk.ForgetAsync(db, contactBefore, cancellationToken);
        var sent = await db.Outbox.Where(m => (m.SentAt != null && m.SentAt < now.AddDays(-mail.Value.KeepSentDays))
            || (m.GaveUpAt != null && m.GaveUpAt < now.AddDays(-mail.Value.KeepSentDays))).ExecuteDeleteAsync(cancellationToken);
        var total = registrations + messages + alerts + submitters + sent;
        if (total > 0)
            log.LogInformation("Retention: deleted {Registrations} registrations, {Messages} contact messages, {Alerts} unconfirmed alerts, {Submitters} story senders' contact details, {Mails} old mails",
                registrations, messages, alerts, submitters, sent);
        return total;
    }
}

public static class EventsSetup
{
    public static void AddEventRegistrations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection("Kennisplatform:Privacy"));
        builder.Services.AddScoped<Registrations>();
        builder.Services.AddSingleton<RetentionJob>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RetentionJob>());
    }
}
