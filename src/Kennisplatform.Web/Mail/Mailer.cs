using Kennisplatform.Content.Storage;

namespace Kennisplatform.Web.Mail;

/// <summary>Wakes the sender on this node when a mail was queued, so it need not wait for its next look.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim waiting = new(0, 1);

    public void Raise()
    {
        if (waiting.CurrentCount == 0)
            try { waiting.Release(); } catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => waiting.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Puts mails in the outbox. <see cref="Queue"/> only adds them to the DbContext: the caller's SaveChanges writes them
/// in the same transaction as the action that caused them. <see cref="SendAsync"/> saves at once.
/// </summary>
public sealed class Mailer(ContentDb db, TimeProvider clock, OutboxSignal signal)
{
    public void Queue(MailMessage message)
    {
        db.Outbox.Add(message.ToOutbox(clock.GetUtcNow().UtcDateTime));
        // Raised before the commit: the sender finds the mail on its next look at the latest, and a wake-up that
        // comes too early costs one empty query.
        signal.Raise();
    }

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken = default)
    {
        Queue(message);
        await db.SaveChangesAsync(cancellationToken);
        signal.Raise();
    }

    /// <summary>Saves mails queued with <see cref="Queue"/> on their own and wakes the sender.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        await db.SaveChangesAsync(cancellationToken);
        signal.Raise();
    }

    /// <summary>Wakes the sender after the caller committed mails queued with <see cref="Queue"/>.</summary>
    public void Wake() => signal.Raise();
}
