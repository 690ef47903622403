using Kennisplatform.Content.Audit;
using Kennisplatform.Content.Changes;
using Kennisplatform.Content.Media;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Storage;

public class ContentDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<ContentItem> Items => Set<ContentItem>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<SlugAlias> Aliases => Set<SlugAlias>();
    public DbSet<ContentChange> Changes => Set<ContentChange>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<MediaFile> Media => Set<MediaFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ContentDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
