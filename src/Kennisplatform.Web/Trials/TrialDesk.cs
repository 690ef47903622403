using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Trials;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Trials;

/// <summary>
/// "Ik heb dit ook geprobeerd": reports from the public wait here until an editor approves or turns them down.
/// Approving or removing one records a change of its item, so the item's pages, counts and open data catch up.
/// </summary>
public sealed class TrialDesk(ContentDb db, ContentStore store, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(DutchTime.ToLocal(Now));

    public async Task ReportAsync(int itemId, TrialReport report, CancellationToken cancellationToken)
    {
        report.ItemId = itemId;
        report.Status = TrialReportStatus.Waiting;
        report.ReceivedAt = Now;
        db.TrialReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<TrialReport>> WaitingAsync(CancellationToken cancellationToken) =>
        db.TrialReports.AsNoTracking().Include(r => r.Item).Where(r => r.Status == TrialReportStatus.Waiting)
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);

    public Task<List<TrialReport>> PublishedAsync(int take, CancellationToken cancellationToken) =>
        db.TrialReports.AsNoTracking().Include(r => r.Item).Where(r => r.Status == TrialReportStatus.Published)
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);

    /// <summary>Approves, turns down or removes one report; false when it no longer exists. Throws <see cref="ContentRuleException"/> when the step is not allowed.</summary>
    public async Task<bool> DecideAsync(int id, TrialDecision decision, CancellationToken cancellationToken)
    {
        var report = await db.TrialReports.Include(r => r.Item).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
            return false;
        var wasPublic = report.IsPublic;
        switch (decision)
        {
            case TrialDecision.Publish:
                report.Publish(Now);
                break;
            case TrialDecision.Reject:
                report.Reject();
                break;
            case TrialDecision.Remove:
                db.TrialReports.Remove(report);
                break;
        }
        if (wasPublic || report.IsPublic)
            await store.SaveBesideAsync(report.Item, cancellationToken);
        else
            await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Clears reporters' names and addresses received before <paramref name="before"/>, and deletes turned-down reports
    /// from then: what the retention job does with the contact details of shared stories.
    /// </summary>
    public static async Task<int> ForgetAsync(ContentDb db, DateTime before, CancellationToken cancellationToken)
    {
        var rejected = await db.TrialReports.Where(r => r.ReceivedAt < before && r.Status == TrialReportStatus.Rejected).ExecuteDeleteAsync(cancellationToken);
        var cleared = await db.TrialReports.Where(r => r.ReceivedAt < before && (r.ReporterName != "" || r.ReporterEmail != ""))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ReporterName, "").SetProperty(r => r.ReporterEmail, ""), cancellationToken);
        return rejected + cleared;
    }
}

public enum TrialDecision { Publish, Reject, Remove }
