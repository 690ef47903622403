using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.FollowUps;

/// <summary>A case due for a follow-up: it reached <see cref="Years"/> years after <see cref="Since"/> without one.</summary>
public sealed record FollowUpReminder(Case Case, int Years, DateOnly Since);

/// <summary>
/// Follow-ups on cases: proposals from the public wait here until an editor publishes or turns them down; editors add
/// their own straight away. Publishing records a change of the case, so its search document and pages catch up.
/// </summary>
public sealed class FollowUpDesk(ContentDb db, ContentStore store, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(DutchTime.ToLocal(Now));

    public async Task ProposeAsync(int caseId, FollowUp proposal, CancellationToken cancellationToken)
    {
        proposal.CaseId = caseId;
        proposal.Status = FollowUpStatus.Proposed;
        proposal.ReceivedAt = Now;
        db.FollowUps.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An editor's own follow-up, published at once. False when the case does not exist.</summary>
    public async Task<bool> AddAsync(int caseId, FollowUp followUp, CancellationToken cancellationToken)
    {
        var item = await db.Items.OfType<Case>().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (item is null)
            return false;
        followUp.CaseId = caseId;
        followUp.ReceivedAt = Now;
        followUp.Publish(Now);
        db.FollowUps.Add(followUp);
        await store.SaveBesideAsync(item, cancellationToken);
        return true;
    }

    public Task<List<FollowUp>> WaitingAsync(CancellationToken cancellationToken) =>
        db.FollowUps.AsNoTracking().Include(f => f.Case).Where(f => f.Status == FollowUpStatus.Proposed)
            .OrderBy(f => f.ReceivedAt).ToListAsync(cancellationToken);

    public Task<List<FollowUp>> PublishedAsync(int take, CancellationToken cancellationToken) =>
        db.FollowUps.AsNoTracking().Include(f => f.Case).Where(f => f.Status == FollowUpStatus.Published)
            .OrderByDescending(f => f.PublishedAt).Take(take).ToListAsync(cancellationToken);

    /// <summary>Publishes, turns down or removes one follow-up. Throws <see cref="ContentRuleException"/> when the step is not allowed.</summary>
    public async Task<bool> DecideAsync(int id, FollowUpDecision decision, CancellationToken cancellationToken)
    {
        var followUp = await db.FollowUps.Include(f => f.Case).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (followUp is null)
            return false;
        var wasPublic = followUp.IsPublic;
        switch (decision)
        {
            case FollowUpDecision.Publish:
                followUp.Publish(Now);
                break;
            case FollowUpDecision.Reject:
                followUp.Reject();
                break;
            case FollowUpDecision.Remove:
                db.FollowUps.Remove(followUp);
                break;
        }
        if (wasPublic || followUp.IsPublic)
            await store.SaveBesideAsync(followUp.Case, cancellationToken);
        else
            await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Visible cases that reached one or three years without a follow-up, the longest waiting first.</summary>
    public async Task<IReadOnlyList<FollowUpReminder>> RemindersAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var cases = await db.Items.AsNoTracking().VisibleAt(Now).OfType<Case>()
            .Include(c => c.FollowUps.Where(f => f.Status == FollowUpStatus.Published)).ToListAsync(cancellationToken);
        return cases.Select(c => (Case: c, Years: c.FollowUpDue(today)))
            .Where(x => x.Years is not null)
            .Select(x => new FollowUpReminder(x.Case, x.Years!.Value, x.Case.FollowUpAnchor!.Value))
            .OrderBy(r => r.Since.AddYears(r.Years)).ThenBy(r => r.Case.Title, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// After the retention period a proposer's name and address go, and a turned-down proposal goes whole; a published
    /// follow-up stays. The same rule as <see cref="Trials.TrialDesk.ForgetAsync"/> for "ook geprobeerd" reports.
    /// </summary>
    public static async Task<int> ForgetAsync(ContentDb db, DateTime before, CancellationToken cancellationToken)
    {
        var rejected = await db.FollowUps.Where(f => f.ReceivedAt < before && f.Status == FollowUpStatus.Rejected).ExecuteDeleteAsync(cancellationToken);
        var cleared = await db.FollowUps.Where(f => f.ReceivedAt < before && (f.ProposerName != "" || f.ProposerEmail != ""))
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.ProposerName, "").SetProperty(f => f.ProposerEmail, ""), cancellationToken);
        return rejected + cleared;
    }
}

public enum FollowUpDecision { Publish, Reject, Remove }
