using Kennisplatform.Content.Alerts;
using Kennisplatform.Content.Audit;
using Kennisplatform.Content.Changes;
using Kennisplatform.Content.Contact;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.Limits;
using Kennisplatform.Content.Mail;
using Kennisplatform.Content.Media;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Reviews;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Settings;
using Kennisplatform.Content.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Storage;

/// <summary>
/// The content store. Abstract because each engine has its own subtype with its own migrations
/// (<see cref="SqliteContentDb"/>, <see cref="PostgreSqlContentDb"/>); <see cref="Open"/> picks the one a target needs.
/// </summary>
public abstract class ContentDb(DbContextOptions options) : DbContext(options)
{
    /// <summary>An unpooled context on <paramref name="target"/>, for commands and tests; the site uses the pooled one from DI.</summary>
    public static ContentDb Open(DatabaseTarget target, System.Data.Common.DbConnection? connection = null) => target.Engine switch
    {
        DatabaseEngine.Sqlite => new SqliteContentDb((DbContextOptions<SqliteContentDb>)target.Configure(new DbContextOptionsBuilder<SqliteContentDb>(), connection: connection).Options),
        _ => new PostgreSqlContentDb((DbContextOptions<PostgreSqlContentDb>)target.Configure(new DbContextOptionsBuilder<PostgreSqlContentDb>(), connection: connection).Options),
    };

    public DbSet<ContentItem> Items => Set<ContentItem>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<SlugAlias> Aliases => Set<SlugAlias>();
    public DbSet<ContentChange> Changes => Set<ContentChange>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Cases.FollowUp> FollowUps => Set<Cases.FollowUp>();
    public DbSet<Cases.RemindedMilestone> RemindedMilestones => Set<Cases.RemindedMilestone>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<MediaFile> Media => Set<MediaFile>();
    public DbSet<RateLimitWindow> RateLimits => Set<RateLimitWindow>();
    public DbSet<OutboxMail> Outbox => Set<OutboxMail>();
    public DbSet<ContactMessage> ContactMessages => Set<ContactMessage>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<ReviewRemark> ReviewRemarks => Set<ReviewRemark>();
    public DbSet<SiteSetting> Settings => Set<SiteSetting>();
    public DbSet<Trials.TrialReport> TrialReports => Set<Trials.TrialReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ContentDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
