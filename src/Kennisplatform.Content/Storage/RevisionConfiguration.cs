using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> revision)
    {
        revision.HasOne(r => r.Item).WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
        revision.HasIndex(r => new { r.ItemId, r.Number }).IsUnique();
        revision.Property(r => r.Author).HasMaxLength(200);
        revision.Property(r => r.Title).HasMaxLength(200);
    }
}

internal sealed class SlugAliasConfiguration : IEntityTypeConfiguration<SlugAlias>
{
    public void Configure(EntityTypeBuilder<SlugAlias> alias)
    {
        alias.Property(a => a.Type).HasMaxLength(40);
        alias.Property(a => a.Slug).HasMaxLength(SlugRules.MaxLength);
        alias.HasIndex(a => new { a.Type, a.Slug }).IsUnique();
    }
}
