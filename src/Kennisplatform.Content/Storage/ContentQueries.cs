using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Storage;

public static class ContentQueries
{
    /// <summary>Only what the public may see: published, and its publication moment has come.</summary>
    public static IQueryable<T> VisibleAt<T>(this IQueryable<T> items, DateTime utcNow) where T : ContentItem =>
        items.Where(i => i.Status == ContentStatus.Published && i.PublishedAt != null && i.PublishedAt <= utcNow);

    public static IQueryable<T> OfKind<T>(this IQueryable<T> items, ContentType type) where T : ContentItem
    {
        var code = type.Code();
        return items.Where(i => EF.Property<string>(i, ContentItemConfiguration.Discriminator) == code);
    }

    /// <summary>Themes, principles and the type's own links, so an item can be shown or edited whole.</summary>
    public static IQueryable<ContentItem> WithLinks(this IQueryable<ContentItem> items) =>
        items.Include(i => i.Themes).Include(i => i.Principles)
            .Include(i => ((Case)i).Interventions).Include(i => ((Case)i).ContactConnector)
            .AsSplitQuery();
}

/// <summary>Finds link targets in the database, including items added but not yet saved.</summary>
internal sealed class DatabaseLookup(ContentDb db) : IReferenceLookup
{
    public ContentItem? Find(ContentType type, string slug) =>
        db.ChangeTracker.Entries<ContentItem>().Select(e => e.Entity).FirstOrDefault(i => i.Kind == type && i.Slug == slug)
        ?? db.Items.OfKind(type).FirstOrDefault(i => i.Slug == slug);
}
