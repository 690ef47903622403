namespace Kennisplatform.Content.Mail;

/// <summary>
/// One mail waiting to go out, written in the same transaction as the action that causes it, so a mail server
/// that is down delays mail but never loses it. A record of its own: never revisioned, exported or published,
/// and deleted some days after it was sent.
/// </summary>
public class OutboxMail
{
    public long Id { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>What caused it ("wachtwoord", "aanmelding", ...), for the status line and the log.</summary>
    public string Purpose { get; set; } = "";
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    /// <summary>Where a reply goes, e.g. the visitor who wrote a contact message; empty for none.</summary>
    public string ReplyTo { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    /// <summary>The one-click unsubscribe address for anything a person subscribed to; empty otherwise.</summary>
    public string UnsubscribeUrl { get; set; } = "";
    public string AttachmentName { get; set; } = "";
    public string AttachmentType { get; set; } = "";
    public byte[]? Attachment { get; set; }

    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>A node that claimed the mail holds it until this moment; after it, another node may take it over.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public string ClaimedBy { get; set; } = "";
    public DateTime? SentAt { get; set; }
    /// <summary>Set when the sender gave up after its last attempt.</summary>
    public DateTime? GaveUpAt { get; set; }
    public string LastError { get; set; } = "";

    /// <summary>A stable Message-ID, the same on every attempt, so a receiver can recognise a repeat.</summary>
    public string MessageId => $"{Id}.{CreatedAt.Ticks}@kennisplatform";

    public bool IsWaiting => SentAt is null && GaveUpAt is null;

    /// <summary>After a failed attempt: the next one waits twice as long as the last, up to <paramref name="longest"/>.</summary>
    public void Failed(DateTime now, string error, TimeSpan first, TimeSpan longest, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        ClaimedUntil = null;
        ClaimedBy = "";
        var wait = TimeSpan.FromTicks(Math.Min(longest.Ticks, first.Ticks * (1L << Math.Min(Attempts - 1, 20))));
        NextAttemptAt = now + wait;
        if (Attempts >= maxAttempts)
            GaveUpAt = now;
    }

    public void Sent(DateTime now)
    {
        Attempts++;
        SentAt = now;
        ClaimedUntil = null;
        LastError = "";
    }
}
