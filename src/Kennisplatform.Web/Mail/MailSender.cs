using Kennisplatform.Content.Mail;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Mail;

/// <summary>
/// Sends what waits in the outbox. Safe with several nodes on one database: a node first claims a mail with one
/// conditional UPDATE (which only one node can win), sends it, then marks it sent. A failure waits longer each time.
/// On shutdown the mail in hand is finished and marked before the loop stops, so a restart never sends it twice.
/// </summary>
public sealed class MailSender(IServiceScopeFactory scopes, IMailTransport transport, OutboxSignal signal, IOptions<MailOptions> options,
    TimeProvider clock, ILogger<MailSender> log) : BackgroundService
{
    private readonly string node = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 100);

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..length];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var sentAny = false;
            try
            {
                sentAny = await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be busy or briefly gone; the mails stay waiting and the next round tries again.
                log.LogWarning(e, "Outbox not read this round");
            }
            if (!sentAny)
            {
                try { await signal.WaitAsync(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>One round: claims and sends up to a batch of due mails. Returns whether it found any.</summary>
    public async Task<bool> SendDueAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(20).ToListAsync(stoppingToken);
        foreach (var id in due)
        {
            if (stoppingToken.IsCancellationRequested)
                break;
            now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.Outbox
                .Where(m => m.Id == id && m.SentAt == null && m.GaveUpAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, now + settings.ClaimTime).SetProperty(m => m.ClaimedBy, node), CancellationToken.None);
            if (claimed == 0)
                continue; // another node was quicker
            var mail = await db.Outbox.SingleAsync(m => m.Id == id, CancellationToken.None);
            await SendOneAsync(db, mail, settings);
        }
        return due.Count > 0;
    }

    private async Task SendOneAsync(ContentDb db, OutboxMail mail, MailOptions settings)
    {
        // Not the stopping token: a mail in hand is finished (or times out), then marked, whatever happens around it.
        using var timeout = new CancellationTokenSource(settings.SmtpTimeout);
        try
        {
            await transport.DeliverAsync(MimeMessages.From(mail, settings), timeout.Token);
            mail.Sent(clock.GetUtcNow().UtcDateTime);
            log.LogInformation("Mail {Id} ({Purpose}) sent", mail.Id, mail.Purpose);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            mail.Failed(clock.GetUtcNow().UtcDateTime, e.Message, settings.FirstRetry, settings.LongestRetry, settings.MaxAttempts);
            log.LogWarning("Mail {Id} ({Purpose}) not sent, attempt {Attempt}: {Error}", mail.Id, mail.Purpose, mail.Attempts, e.Message);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
