using Kennisplatform.Content.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class RemindedMilestoneConfiguration : IEntityTypeConfiguration<RemindedMilestone>
{
    public void Configure(EntityTypeBuilder<RemindedMilestone> reminded)
    {
        reminded.ToTable("RemindedMilestones");
        reminded.HasOne(r => r.Case).WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        // The claim: a second node (or round) inserting the same pair fails, and its mail goes with it.
        reminded.HasIndex(r => new { r.CaseId, r.Years }).IsUnique();
    }
}
