using Kennisplatform.Content.Trials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class TrialReportConfiguration : IEntityTypeConfiguration<TrialReport>
{
    public void Configure(EntityTypeBuilder<TrialReport> report)
    {
        report.ToTable("TrialReports");
        report.Property(r => r.Municipality).HasMaxLength(TrialReport.PlaceMaxLength);
        report.Property(r => r.Neighbourhood).HasMaxLength(TrialReport.PlaceMaxLength);
        report.Property(r => r.Reason).HasMaxLength(TrialReport.ReasonMaxLength);
        report.Property(r => r.ReporterName).HasMaxLength(200);
        report.Property(r => r.ReporterEmail).HasMaxLength(200);
        report.HasOne(r => r.Item).WithMany(i => i.TrialReports).HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
        report.HasIndex(r => new { r.ItemId, r.Status });
        report.HasIndex(r => r.ReceivedAt);
    }
}
