using Kennisplatform.Content.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class SiteSettingConfiguration : IEntityTypeConfiguration<SiteSetting>
{
    public void Configure(EntityTypeBuilder<SiteSetting> setting)
    {
        setting.ToTable("SiteSettings");
        setting.HasKey(s => s.Name);
        setting.Property(s => s.Name).HasMaxLength(64);
        setting.Property(s => s.Value).HasMaxLength(SiteSetting.MaxValueLength);
        setting.Property(s => s.ChangedBy).HasMaxLength(256);
        setting.Property(s => s.Version).IsConcurrencyToken();
    }
}
