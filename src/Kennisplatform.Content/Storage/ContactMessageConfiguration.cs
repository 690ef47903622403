using Kennisplatform.Content.Contact;
using Kennisplatform.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class ContactMessageConfiguration : IEntityTypeConfiguration<ContactMessage>
{
    public void Configure(EntityTypeBuilder<ContactMessage> message)
    {
        message.Property(m => m.Name).HasMaxLength(200);
        message.Property(m => m.Email).HasMaxLength(200);
        message.Property(m => m.Message).HasMaxLength(5000);
        message.Property(m => m.SenderKey).HasMaxLength(100);
        message.HasOne<ContentItem>().WithMany().HasForeignKey(m => m.ItemId).OnDelete(DeleteBehavior.SetNull);
        message.HasIndex(m => new { m.SenderKey, m.ReceivedAt });
    }
}
