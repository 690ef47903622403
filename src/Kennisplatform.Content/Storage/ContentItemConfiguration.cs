using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.FailurePatterns;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Instruments;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Pages;
using Kennisplatform.Content.Principles;
using Kennisplatform.Content.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kennisplatform.Content.Storage;

/// <summary>
/// All content types share one table (TPH): every field is a real column, links are join tables,
/// and the discriminator "Type" holds the Dutch type code.
/// </summary>
internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public const string Discriminator = "Type";

    public void Configure(EntityTypeBuilder<ContentItem> item)
    {
        item.ToTable("Items");
        item.Ignore(i => i.Kind);
        // One discriminator value per type, from the field table, so a new type needs no line here.
        var discriminator = item.HasDiscriminator<string>(Discriminator);
        foreach (var type in ContentTypes.All)
            discriminator.HasValue(ContentFields.Create(type).GetType(), type.Code());
        item.Property<string>(Discriminator).HasMaxLength(40);

        item.Property(i => i.Title).HasMaxLength(200).IsRequired();
        item.Property(i => i.Slug).HasMaxLength(SlugRules.MaxLength).IsRequired();
        item.Property(i => i.Author).HasMaxLength(200);
        item.Property(i => i.License).HasMaxLength(100);
        item.Property(i => i.Version).IsConcurrencyToken();
        item.HasIndex(Discriminator, nameof(ContentItem.Slug)).IsUnique();
        item.HasIndex(i => new { i.Status, i.PublishedAt });

        item.HasMany(i => i.Themes).WithMany(t => t.Items).UsingEntity(
            "ItemThemes",
            r => r.HasOne(typeof(Theme)).WithMany().HasForeignKey("ThemeId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(ContentItem)).WithMany().HasForeignKey("ItemId").OnDelete(DeleteBehavior.Cascade));
        item.HasMany(i => i.Principles).WithMany(p => p.Items).UsingEntity(
            "ItemPrinciples",
            r => r.HasOne(typeof(Principle)).WithMany().HasForeignKey("PrincipleId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(ContentItem)).WithMany().HasForeignKey("ItemId").OnDelete(DeleteBehavior.Cascade));
        item.HasMany(i => i.Aliases).WithOne(a => a.Item).HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> item)
    {
        item.Property(c => c.Municipality).HasMaxLength(100);
        item.Property(c => c.Neighbourhood).HasMaxLength(100);
        item.Property(c => c.CbsCode).HasMaxLength(10);
        item.HasIndex(c => c.Outcome);
        item.HasIndex(c => c.Municipality);
        item.HasMany(c => c.Interventions).WithMany(i => i.Cases).UsingEntity(
            "CaseInterventions",
            r => r.HasOne(typeof(Intervention)).WithMany().HasForeignKey("InterventionId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Case)).WithMany().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade));
        item.HasMany(c => c.FailurePatterns).WithMany(p => p.Cases).UsingEntity(
            "CaseFailurePatterns",
            r => r.HasOne(typeof(FailurePattern)).WithMany().HasForeignKey("FailurePatternId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Case)).WithMany().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade));
        item.HasOne(c => c.ContactConnector).WithMany(p => p.Cases)
            .HasForeignKey(c => c.ContactConnectorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InterventionConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> item)
    {
        item.Property(i => i.Owner).HasMaxLength(200);
        item.Property(i => i.ExternalUrl).HasMaxLength(500);
        item.Property(i => i.EvidenceSource).HasMaxLength(500);
        item.HasIndex(i => i.Evidence);
        // Flags as a number, unlike the other enums (stored by name), so a filter is one bit test in SQL. Interventions
        // that exist before this column get "none chosen", not NULL.
        item.Property(i => i.TargetGroups).HasConversion<int>().HasDefaultValue((TargetGroups)0);
    }
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> item)
    {
        item.Property(e => e.OnlineUrl).HasMaxLength(500);
        item.HasIndex(e => e.StartsAt);
        // New columns of one type in the shared table: rows that exist get a value, not NULL.
        item.Property(e => e.RegistrationTurn).HasDefaultValue(0);
        item.Property(e => e.TakesRegistrations).HasDefaultValue(false);
        item.Property(e => e.Programme).HasDefaultValue("");
    }
}

internal sealed class ConnectorConfiguration : IEntityTypeConfiguration<Connector>
{
    public void Configure(EntityTypeBuilder<Connector> item) => item.Property(c => c.ContactEmail).HasMaxLength(200).HasDefaultValue("");
}

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> item) =>
        item.Property(i => i.ExternalUrl).HasColumnName("InstrumentUrl").HasMaxLength(500);
}

internal sealed class FailurePatternConfiguration : IEntityTypeConfiguration<FailurePattern>
{
    public void Configure(EntityTypeBuilder<FailurePattern> item)
    {
        item.Property(p => p.Question).HasMaxLength(300);
        // Named here: left to EF, the shared table's SortOrder columns would be renamed under the types that have them.
        item.Property(p => p.SortOrder).HasColumnName("FailurePattern_SortOrder");
    }
}
