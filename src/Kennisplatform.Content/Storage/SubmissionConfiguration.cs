using Kennisplatform.Content.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> submission)
    {
        submission.Property(s => s.Name).HasMaxLength(200);
        submission.Property(s => s.Email).HasMaxLength(200);
        submission.Property(s => s.Phone).HasMaxLength(50);
        submission.HasOne(s => s.Case).WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        submission.HasIndex(s => s.ReceivedAt);
    }
}
