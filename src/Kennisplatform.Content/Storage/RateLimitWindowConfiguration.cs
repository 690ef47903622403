using Kennisplatform.Content.Limits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> window)
    {
        // RateLimits writes this table with hand-written SQL: keep the names in step.
        window.ToTable("RateLimits");
        window.HasKey(w => w.Key);
        window.Property(w => w.Key).HasMaxLength(64);
        window.HasIndex(w => w.WindowStart);
    }
}
