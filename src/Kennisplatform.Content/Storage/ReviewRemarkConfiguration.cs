using Kennisplatform.Content.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class ReviewRemarkConfiguration : IEntityTypeConfiguration<ReviewRemark>
{
    public void Configure(EntityTypeBuilder<ReviewRemark> remark)
    {
        remark.ToTable("ReviewRemarks");
        remark.Property(r => r.Author).HasMaxLength(200);
        remark.Property(r => r.AuthorName).HasMaxLength(200);
        remark.Property(r => r.Text).HasMaxLength(Kennisplatform.Content.Reviews.ReviewRemark.MaxLength);
        remark.HasOne(r => r.Item).WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
        remark.HasIndex(r => new { r.ItemId, r.WrittenAt });
    }
}
