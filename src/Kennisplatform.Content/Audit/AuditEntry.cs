namespace Kennisplatform.Content.Audit;

/// <summary>
/// Something done in the back office that is not a content save (those are revisions already):
/// accounts created, roles changed, accounts disabled, passwords reset.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Subject { get; set; } = "";
}
