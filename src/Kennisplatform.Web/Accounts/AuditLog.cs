using Kennisplatform.Content.Audit;
using Kennisplatform.Content.Storage;

namespace Kennisplatform.Web.Accounts;

/// <summary>Writes account events to the audit table; content events are the revisions themselves.</summary>
public sealed class AuditLog(ContentDb db, TimeProvider clock)
{
    public async Task RecordAsync(string actor, string action, string subject)
    {
        db.Audit.Add(new AuditEntry { At = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Subject = subject });
        await db.SaveChangesAsync();
    }
}
