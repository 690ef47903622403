namespace Kennisplatform.Content.Cases;

/// <summary>
/// That editors were mailed about a case reaching a follow-up milestone (<see cref="Case.FollowUpMilestones"/>), so the
/// mail never repeats. The row is written in the same transaction as the mail in the outbox: one without the other
/// never survives a crash, and the unique (case, years) pair lets only one node send it.
/// </summary>
public class RemindedMilestone
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case Case { get; set; } = null!;
    /// <summary>1 or 3: the years after the case's anchor (<see cref="Case.FollowUpAnchor"/>).</summary>
    public int Years { get; set; }
    public DateTime RemindedAt { get; set; }
}
