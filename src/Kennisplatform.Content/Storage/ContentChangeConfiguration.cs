using Kennisplatform.Content.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

internal sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChange>
{
    // No foreign key: a change outlives a deleted item, which is exactly what the index must hear about.
    public void Configure(EntityTypeBuilder<ContentChange> change) => change.ToTable("Changes");
}
