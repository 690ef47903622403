using Kennisplatform.Content.Cases;
using Kennisplatform.Content.FailurePatterns;
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

    /// <summary>Type, slug and title of every item of <paramref name="types"/>, by title, in one query: the choices of link fields.</summary>
    public static async Task<List<(ContentType Type, string Slug, string Title)>> ChoicesAsync(
        this IQueryable<ContentItem> items, IReadOnlyCollection<ContentType> types, CancellationToken cancellationToken)
    {
        if (types.Count == 0)
            return [];
        var codes = types.Select(t => t.Code()).ToList();
        var rows = await items.AsNoTracking().Where(i => codes.Contains(EF.Property<string>(i, ContentItemConfiguration.Discriminator)))
            .OrderBy(i => i.Title).Select(i => new { Code = EF.Property<string>(i, ContentItemConfiguration.Discriminator), i.Slug, i.Title })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (Dutch.TryParse<ContentType>(r.Code, out var type) ? type : throw new InvalidOperationException($"Unknown type code {r.Code}"), r.Slug, r.Title)).ToList();
    }

    /// <summary>Themes, principles and the type's own links, so an item can be shown or edited whole.</summary>
    public static IQueryable<ContentItem> WithLinks(this IQueryable<ContentItem> items) =>
        items.Include(i => i.Themes).Include(i => i.Principles)
            .Include(i => ((Case)i).Interventions).Include(i => ((Case)i).ContactConnector)
            .Include(i => ((Case)i).FailurePatterns)
            // Only approved reports travel with an item: waiting ones and their senders' details stay in the back office.
            .Include(i => i.TrialReports.Where(r => r.Status == Trials.TrialReportStatus.Published).OrderBy(r => r.Year).ThenBy(r => r.Month).ThenBy(r => r.Id))
            // Only published follow-ups travel with a case: proposals and their senders' details stay in the back office.
            .Include(i => ((Case)i).FollowUps.Where(f => f.Status == FollowUpStatus.Published).OrderBy(f => f.Date).ThenBy(f => f.Id))
            // A pattern's page counts the themes of its cases.
            .Include(i => ((FailurePattern)i).Cases).ThenInclude(c => c.Themes)
            .AsSplitQuery();
}

/// <summary>
/// Link targets an editor's form names, loaded in one query before the form is read: the items tracked already
/// (added but not yet saved, or loaded with the item) and the named slugs of the target types.
/// </summary>
internal sealed class PreloadedLookup : IReferenceLookup
{
    private readonly Dictionary<(ContentType, string), ContentItem> items = [];

    private PreloadedLookup() { }

    public static async Task<PreloadedLookup> LoadAsync(ContentDb db, ContentType kind, IReadOnlyDictionary<string, FileValue> posted, CancellationToken cancellationToken)
    {
        var lookup = new PreloadedLookup();
        var wanted = ContentFields.For(kind).Where(f => f.Target is not null && posted.ContainsKey(f.Key))
            .SelectMany(f => (posted[f.Key].List ?? (posted[f.Key].Scalar is { Length: > 0 } one ? [one] : [])).Select(slug => (Type: f.Target!.Value, Slug: slug.Trim())))
            .ToHashSet();
        if (wanted.Count > 0)
        {
            var codes = wanted.Select(w => w.Type.Code()).Distinct().ToList();
            var slugs = wanted.Select(w => w.Slug).Distinct().ToList();
            // Tracked, like the item being edited, so a link attaches the loaded entity rather than a copy.
            await db.Items.Where(i => codes.Contains(EF.Property<string>(i, ContentItemConfiguration.Discriminator)) && slugs.Contains(i.Slug))
                .LoadAsync(cancellationToken);
        }
        foreach (var item in db.ChangeTracker.Entries<ContentItem>().Select(e => e.Entity))
            lookup.items.TryAdd((item.Kind, item.Slug), item);
        return lookup;
    }

    public ContentItem? Find(ContentType type, string slug) => items.GetValueOrDefault((type, slug));
}
