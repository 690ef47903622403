using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Trials;
using Kennisplatform.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.OpenData;

/// <summary>Atom and RSS feeds of what is new: everything, per type (/feeds/praktijkvoorbeelden.atom), per theme (/feeds/themas/eenzaamheid.atom).</summary>
public static class Feeds
{
    public const int Size = 50;

    public static void MapFeeds(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/feeds/{name}.{format:regex(^(atom|rss)$)}", (string name, string format, HttpContext context, ContentDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            // Follow-ups and approved "ook geprobeerd" reports are news about an item: they come with everything and
            // with their item's type.
            if (name == "alles")
                return FeedAsync("Alles wat nieuw is", db.Items, format, context, clock, cancellationToken, db, null);
            return Sections.FromSegment(name) is { } section
                ? FeedAsync(section.Plural, db.Items.OfKind(section.Type), format, context, clock, cancellationToken, db, section.Type)
                : Task.FromResult(Results.NotFound());
        }).ExcludeFromDescription();

        routes.MapGet("/feeds/themas/{slug}.{format:regex(^(atom|rss)$)}", async (string slug, string format, HttpContext context, ContentDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var theme = await db.Items.AsNoTracking().OfKind(ContentType.Theme).VisibleAt(now).FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
            return theme is null
                ? Results.NotFound()
                : await FeedAsync($"Thema {theme.Title}", db.Items.Where(i => i.Themes.Any(t => t.Id == theme.Id)), format, context, clock, cancellationToken);
        }).ExcludeFromDescription();
    }

    /// <summary>
    /// A feed of <paramref name="items"/>; with <paramref name="db"/>, also the news about items of <paramref name="newsOf"/>
    /// (every type when null): published follow-ups of cases and approved reports of others who tried an item.
    /// </summary>
    private static async Task<IResult> FeedAsync(string title, IQueryable<ContentItem> items, string format, HttpContext context, TimeProvider clock, CancellationToken cancellationToken,
        ContentDb? db = null, ContentType? newsOf = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latestItems = await items.AsNoTracking().VisibleAt(now).OrderByDescending(i => i.PublishedAt).Take(Size).ToListAsync(cancellationToken);
        var latest = latestItems.Select(i => (Published: i.PublishedAt!.Value, Entry: Entry(i, context))).ToList();
        // News only about items the public may see.
        var visible = db?.Items.VisibleAt(now);
        if (db is not null && newsOf is null or ContentType.Case)
        {
            var followUps = await db.FollowUps.AsNoTracking().Include(f => f.Case)
                .Where(f => f.Status == FollowUpStatus.Published && f.PublishedAt <= now && visible!.Any(i => i.Id == f.CaseId))
                .OrderByDescending(f => f.PublishedAt).Take(Size).ToListAsync(cancellationToken);
            latest.AddRange(followUps.Select(f => (Published: f.PublishedAt!.Value, Entry: Entry(f, context))));
        }
        if (db is not null && (newsOf is null || TrialReport.Types.Contains(newsOf.Value)))
        {
            // Reports exist only for the types that take them, so "everything" needs no type filter.
            var ofType = newsOf is { } only ? visible!.OfKind(only) : visible!;
            var reports = await db.TrialReports.AsNoTracking().Include(r => r.Item)
                .Where(r => r.Status == TrialReportStatus.Published && r.PublishedAt <= now && ofType.Any(i => i.Id == r.ItemId))
                .OrderByDescending(r => r.PublishedAt).Take(Size).ToListAsync(cancellationToken);
            latest.AddRange(reports.Select(r => (Published: r.PublishedAt!.Value, Entry: Entry(r, context))));
        }
        latest = latest.OrderByDescending(e => e.Published).Take(Size).ToList();
        var self = PublicUrls.Absolute(context, context.Request.Path);
        var feed = new SyndicationFeed($"{title} – Kennisplatform wijken", "Kennis over wat werkt in de wijk, en wat niet.", new Uri(PublicUrls.Base(context) + "/"))
        {
            Id = self,
            Language = "nl-NL",
            LastUpdatedTime = latest.Count > 0 ? latest.Max(e => e.Published) : now,
            Copyright = new TextSyndicationContent("CC BY 4.0, tenzij anders vermeld"),
            Items = latest.Select(e => e.Entry).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(self)) { RelationshipType = "self" });

        var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            if (format == "rss") new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
            else new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return Results.Bytes(output.ToArray(), format == "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
    }

    /// <summary>A follow-up as news: "Vervolg bij …", linking to its place in the case's timeline.</summary>
    private static SyndicationItem Entry(FollowUp followUp, HttpContext context)
    {
        var url = PublicUrls.Absolute(context, Sections.UrlOf(followUp.Case)) + "#vervolg-" + followUp.Id;
        var summary = Content.Rendering.ShortText.Cut(Markdig.Markdown.ToPlainText(followUp.Text).Trim(), 300);
        var entry = new SyndicationItem($"Vervolg bij {followUp.Case.Title}: {followUp.Title}", summary, new Uri(url), url, followUp.PublishedAt!.Value)
        {
            PublishDate = followUp.PublishedAt!.Value,
        };
        entry.Categories.Add(new SyndicationCategory("Vervolg"));
        entry.Authors.Add(new SyndicationPerson { Name = "Kennisplatform wijken" });
        return entry;
    }

    /// <summary>
    /// An approved report as news: "Ook geprobeerd: {item} (Deels geslaagd, Zaanstad)", with its one line, linking to it on
    /// the item's page. Like the page, it says where and how it went, never who sent it.
    /// </summary>
    private static SyndicationItem Entry(TrialReport report, HttpContext context)
    {
        var url = PublicUrls.Absolute(context, Sections.UrlOf(report.Item)) + "#ervaring-" + report.Id;
        var summary = $"{report.Result.Label()} in {report.Place}, {report.WhenLabel}: {report.Reason}" + (report.IsFictional ? " (verzonnen voorbeeld)" : "");
        var entry = new SyndicationItem($"Ook geprobeerd: {report.Item.Title} ({report.Result.Label()}, {report.Municipality})", summary, new Uri(url), url, report.PublishedAt!.Value)
        {
            PublishDate = report.PublishedAt!.Value,
        };
        entry.Categories.Add(new SyndicationCategory("Ook geprobeerd"));
        entry.Authors.Add(new SyndicationPerson { Name = "Kennisplatform wijken" });
        return entry;
    }

    private static SyndicationItem Entry(ContentItem item, HttpContext context)
    {
        var url = PublicUrls.Absolute(context, Sections.UrlOf(item));
        var entry = new SyndicationItem(item.Title, item.Summary, new Uri(url), url, item.LastChangedAt)
        {
            PublishDate = item.PublishedAt!.Value,
        };
        entry.Categories.Add(new SyndicationCategory(item.Kind.Label()));
        entry.Authors.Add(new SyndicationPerson { Name = "Kennisplatform wijken" });
        return entry;
    }
}
