using Kennisplatform.Content.Alerts;
using Kennisplatform.Content.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> registration)
    {
        registration.Ignore(r => r.IsActive);
        registration.Property(r => r.Name).HasMaxLength(200);
        registration.Property(r => r.Email).HasMaxLength(200);
        registration.Property(r => r.Organisation).HasMaxLength(200);
        registration.Property(r => r.Needs).HasMaxLength(1000);
        registration.Property(r => r.CancelCodeHash).HasMaxLength(64);
        registration.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        registration.HasIndex(r => new { r.EventId, r.Status });
        registration.HasIndex(r => r.CancelCodeHash).IsUnique();
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> subscription)
    {
        subscription.Ignore(s => s.Interval);
        subscription.Property(s => s.Email).HasMaxLength(200);
        subscription.Property(s => s.Value).HasMaxLength(200);
        subscription.Property(s => s.Label).HasMaxLength(200);
        subscription.Property(s => s.Code).HasMaxLength(64);
        subscription.Property(s => s.BaseUrl).HasMaxLength(200);
        subscription.HasIndex(s => s.Code).IsUnique();
        subscription.HasIndex(s => s.ConfirmedAt);
    }
}
