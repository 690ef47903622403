using Kennisplatform.Content.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> followUp)
    {
        followUp.ToTable("FollowUps");
        followUp.Property(f => f.Title).HasMaxLength(FollowUp.TitleMaxLength);
        followUp.Property(f => f.Text).HasMaxLength(FollowUp.TextMaxLength);
        followUp.Property(f => f.ProposerName).HasMaxLength(200);
        followUp.Property(f => f.ProposerEmail).HasMaxLength(200);
        followUp.HasOne(f => f.Case).WithMany(c => c.FollowUps).HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        followUp.HasIndex(f => new { f.CaseId, f.Status });
        followUp.HasIndex(f => f.ReceivedAt);
    }
}
