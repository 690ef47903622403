using Kennisplatform.Content.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> media)
    {
        media.ToTable("Media");
        media.Ignore(m => m.IsImage);
        media.Ignore(m => m.Url);
        media.Property(m => m.FileName).HasMaxLength(120);
        media.Property(m => m.StoredName).HasMaxLength(80);
        media.Property(m => m.ContentType).HasMaxLength(40);
        media.Property(m => m.AltText).HasMaxLength(300);
        media.Property(m => m.UploadedBy).HasMaxLength(200);
    }
}
