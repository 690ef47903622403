using Kennisplatform.Content.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> mail)
    {
        mail.ToTable("Outbox");
        mail.Ignore(m => m.MessageId);
        mail.Ignore(m => m.IsWaiting);
        mail.Property(m => m.Purpose).HasMaxLength(40);
        mail.Property(m => m.ToAddress).HasMaxLength(200);
        mail.Property(m => m.ToName).HasMaxLength(200);
        mail.Property(m => m.ReplyTo).HasMaxLength(200);
        mail.Property(m => m.Subject).HasMaxLength(300);
        mail.Property(m => m.UnsubscribeUrl).HasMaxLength(500);
        mail.Property(m => m.AttachmentName).HasMaxLength(200);
        mail.Property(m => m.AttachmentType).HasMaxLength(100);
        mail.Property(m => m.ClaimedBy).HasMaxLength(100);
        mail.Property(m => m.LastError).HasMaxLength(500);
        mail.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
