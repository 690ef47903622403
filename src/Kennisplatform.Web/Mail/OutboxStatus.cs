using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Mail;

/// <summary>What the outbox holds: mails waiting (among them those that failed at least once) and mails given up on.</summary>
public sealed record OutboxStatus(int Waiting, int Failing, int GaveUp, string LastError)
{
    /// <summary>One query for the back office's status line and for /status.</summary>
    public static async Task<OutboxStatus> ReadAsync(ContentDb db, CancellationToken cancellationToken = default)
    {
        var unsent = db.Outbox.AsNoTracking().Where(m => m.SentAt == null);
        var counts = new
        {
            Waiting = await unsent.CountAsync(m => m.GaveUpAt == null, cancellationToken),
            Failing = await unsent.CountAsync(m => m.GaveUpAt == null && m.Attempts > 0, cancellationToken),
            GaveUp = await unsent.CountAsync(m => m.GaveUpAt != null, cancellationToken),
        };
        if (counts.Waiting + counts.GaveUp == 0)
            return new(0, 0, 0, "");
        var lastError = counts.Failing + counts.GaveUp == 0 ? "" : await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts > 0).OrderByDescending(m => m.NextAttemptAt).Select(m => m.LastError).FirstOrDefaultAsync(cancellationToken) ?? "";
        return new(counts.Waiting, counts.Failing, counts.GaveUp, lastError);
    }

    /// <summary>The back office's status line, in plain Dutch.</summary>
    public string Line => (Waiting, Failing, GaveUp) switch
    {
        (0, _, 0) => "Alle e-mail is verstuurd.",
        _ => string.Join(" ", new[]
        {
            Waiting > 0 ? $"{Waiting} {(Waiting == 1 ? "e-mail wacht" : "e-mails wachten")} op verzending{(Failing > 0 ? $", waarvan {Failing} na een mislukte poging" : "")}." : "",
            GaveUp > 0 ? $"{GaveUp} {(GaveUp == 1 ? "e-mail is" : "e-mails zijn")} na herhaalde pogingen niet verstuurd." : "",
            LastError.Length > 0 ? $"Laatste fout: {LastError}" : "",
        }.Where(s => s.Length > 0)),
    };
}

/// <summary>The outbox's count for GET /status: mails that still wait to be sent (those given up on are not counted).</summary>
public sealed class OutboxWaiting(IServiceScopeFactory scopes) : Hosting.IMailsWaiting
{
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDb>().Outbox.CountAsync(m => m.SentAt == null && m.GaveUpAt == null, cancellationToken);
    }
}
