using System.Runtime.CompilerServices;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.FailurePatterns;
using Kennisplatform.Content.Instruments;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Pages;
using Kennisplatform.Content.Principles;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Themes;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Site;

/// <summary>The chosen filters of an overview or a list request: one value per filter, each one the filter offers.</summary>
public sealed record OverviewFilter
{
    /// <summary>The values of the When filter, as the overview's query string carries them.</summary>
    public const string Upcoming = "komend";
    public const string Past = "geweest";

    public static readonly OverviewFilter None = new();

    public IReadOnlyDictionary<OverviewFilterKind, string> Values { get; private init; } = new Dictionary<OverviewFilterKind, string>();

    public string? this[OverviewFilterKind kind] => Values.GetValueOrDefault(kind);

    public string? When => this[OverviewFilterKind.When];

    public bool IsEmpty => Values.Count == 0;

    public OverviewFilter With(OverviewFilterKind kind, string? value)
    {
        var values = new Dictionary<OverviewFilterKind, string>(Values);
        if (string.IsNullOrEmpty(value))
            values.Remove(kind);
        else
            values[kind] = value;
        return new() { Values = values };
    }

    public static OverviewFilter Of(params (OverviewFilterKind Kind, string? Value)[] values) =>
        values.Aggregate(None, (filter, v) => filter.With(v.Kind, v.Value));
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public abstract record Lookup
{
    public sealed record Found(ContentItem Item) : Lookup;
    public sealed record Moved(string Url) : Lookup;
    public sealed record Missing : Lookup;
}

/// <summary>What the public site reads. Everything here shows only published items whose moment has come.</summary>
public sealed class SiteQueries(ContentDb db, TimeProvider clock)
{
    public const int PageSize = 12;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<ContentItem> Visible => db.Items.AsNoTracking().VisibleAt(Now);

    public Task<PagedList<ContentItem>> ListAsync(TypeDescriptor section, OverviewFilter filter, int page, CancellationToken cancellationToken) =>
        ListAsync(section.Type, filter, page, PageSize, cancellationToken);

    public async Task<PagedList<ContentItem>> ListAsync(ContentType type, OverviewFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var scope = new FacetScope(Visible, type, Now);
        var query = await FilteredAsync(scope, filter, except: null, cancellationToken);
        query = TypeDescriptors.Of(type).Order(query, filter);

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var paged = query.Skip((page - 1) * pageSize).Take(pageSize);
        // Cards of interventions and cases say how often others tried them: approved reports only.
        if (Kennisplatform.Content.Trials.TrialReport.Types.Contains(type))
            paged = paged.Include(i => i.TrialReports.Where(r => r.Status == Kennisplatform.Content.Trials.TrialReportStatus.Published)).AsSplitQuery();
        var items = await paged.ToListAsync(cancellationToken);
        return new(items, page, pageSize, total);
    }

    private static async Task<IQueryable<ContentItem>> FilteredAsync(FacetScope scope, OverviewFilter filter, OverviewFilterKind? except, CancellationToken cancellationToken)
    {
        var query = scope.OfType;
        foreach (var (kind, value) in filter.Values.Where(v => v.Key != except))
            query = await OverviewFacets.Of(kind).ApplyAsync(query, value, scope, cancellationToken);
        return query;
    }

    /// <summary>
    /// The filters of a type with the values they offer and the count of each, given the other chosen filters; and the
    /// chosen filters that are among those values (<paramref name="read"/> gives the chosen value of a filter, or null).
    /// </summary>
    public async Task<(OverviewFilter Filter, IReadOnlyList<FacetChoices> Choices)> FacetsAsync(ContentType type, Func<OverviewFacet, string?> read, CancellationToken cancellationToken)
    {
        var scope = new FacetScope(Visible, type, Now);
        var offered = new List<(OverviewFacet Facet, IReadOnlyList<(string Value, string Label)> Values)>();
        var filter = OverviewFilter.None;
        foreach (var facet in OverviewFacets.For(type))
        {
            var values = await facet.ValuesAsync(scope, cancellationToken);
            offered.Add((facet, values));
            if (read(facet) is { } chosen && values.Any(v => v.Value == chosen))
                filter = filter.With(facet.Kind, chosen);
        }
        var choices = new List<FacetChoices>();
        foreach (var (facet, values) in offered)
        {
            var counts = await facet.CountAsync(await FilteredAsync(scope, filter, facet.Kind, cancellationToken), scope, cancellationToken);
            choices.Add(new(facet, filter[facet.Kind], values.Select(v => new FacetOption(v.Value, v.Label, counts.GetValueOrDefault(v.Value))).ToList()));
        }
        return (filter, choices);
    }

    /// <summary>The values each filter of a type offers, for checking a request before it runs.</summary>
    public async Task<IReadOnlyList<(OverviewFacet Facet, IReadOnlyList<(string Value, string Label)> Values)>> FacetValuesAsync(ContentType type, CancellationToken cancellationToken)
    {
        var scope = new FacetScope(Visible, type, Now);
        var offered = new List<(OverviewFacet, IReadOnlyList<(string, string)>)>();
        foreach (var facet in OverviewFacets.For(type))
            offered.Add((facet, await facet.ValuesAsync(scope, cancellationToken)));
        return offered;
    }

    /// <summary>An item by its slug; an old slug answers with the current address.</summary>
    public async Task<Lookup> FindAsync(ContentType type, string slug, CancellationToken cancellationToken)
    {
        var item = await Visible.OfKind(type).WithLinks().FirstOrDefaultAsync(i => i.Slug == slug, cancellationToken);
        if (item is not null)
            return new Lookup.Found(item);
        var code = type.Code();
        var renamed = await db.Aliases.AsNoTracking().Where(a => a.Type == code && a.Slug == slug)
            .Select(a => a.Item).Where(i => i.Status == ContentStatus.Published && i.PublishedAt <= Now)
            .Select(i => i.Slug).FirstOrDefaultAsync(cancellationToken);
        return renamed is null ? new Lookup.Missing() : new Lookup.Moved(Sections.UrlOf(type, renamed));
    }

    /// <summary>The other direction of the links: what tags this theme, shows this principle, uses this intervention.</summary>
    public async Task<List<ContentItem>> ReferencingAsync(ContentItem item, CancellationToken cancellationToken)
    {
        if (TypeDescriptors.Of(item.Kind).ReferencedBy is not { } referencing)
            return [];
        return await referencing.Query(Visible, item.Id).OrderByDescending(i => i.PublishedAt).ThenBy(i => i.Title).ToListAsync(cancellationToken);
    }

    public Task<List<ContentItem>> LatestAsync(ContentType type, int count, CancellationToken cancellationToken) =>
        Visible.OfKind(type).OrderByDescending(i => i.PublishedAt).ThenBy(i => i.Title).Take(count).ToListAsync(cancellationToken);

    public Task<List<Event>> UpcomingEventsAsync(int count, CancellationToken cancellationToken) =>
        Visible.OfType<Event>().Where(e => e.EndsAt > Now).OrderBy(e => e.StartsAt).Take(count).ToListAsync(cancellationToken);

    public Task<List<Event>> PastEventsAsync(int count, CancellationToken cancellationToken) =>
        Visible.OfType<Event>().Where(e => e.EndsAt <= Now).OrderByDescending(e => e.StartsAt).Take(count).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<EvidenceLevel, int>> EvidenceCountsAsync(CancellationToken cancellationToken) =>
        (await Visible.OfType<Intervention>().GroupBy(i => i.Evidence).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);

    /// <summary>Type, slug and title of every visible item of <paramref name="types"/> by title, in one query: the selection's picker.</summary>
    public Task<List<(ContentType Type, string Slug, string Title)>> ChoicesAsync(IReadOnlyCollection<ContentType> types, CancellationToken cancellationToken) =>
        Visible.ChoicesAsync(types, cancellationToken);

    /// <summary>Slug, title and evidence of every visible intervention by title: the comparison's picker.</summary>
    public async Task<IReadOnlyList<(string Slug, string Title, EvidenceLevel Evidence)>> InterventionChoicesAsync(CancellationToken cancellationToken) =>
        (await Visible.OfType<Intervention>().OrderBy(i => i.Title).Select(i => new { i.Slug, i.Title, i.Evidence }).ToListAsync(cancellationToken))
            .Select(i => (i.Slug, i.Title, i.Evidence)).ToList();

    /// <summary>The visible items of a type among <paramref name="slugs"/>, with their links.</summary>
    public Task<List<ContentItem>> FindManyAsync(ContentType type, IReadOnlyCollection<string> slugs, CancellationToken cancellationToken) =>
        Visible.OfKind(type).Where(i => slugs.Contains(i.Slug)).WithLinks().ToListAsync(cancellationToken);

    public Task<List<Theme>> ThemesAsync(CancellationToken cancellationToken) =>
        Visible.OfType<Theme>().OrderBy(t => t.SortOrder).ThenBy(t => t.Title).ToListAsync(cancellationToken);

    public Task<List<FailurePattern>> FailurePatternsAsync(CancellationToken cancellationToken) =>
        Visible.OfType<FailurePattern>().OrderBy(p => p.SortOrder).ThenBy(p => p.Title).ToListAsync(cancellationToken);

    /// <summary>
    /// Visible cases that share every given choice (theme, intervention, municipality), newest first, with their
    /// failure patterns: the cases a pre-mortem checklist learns from.
    /// </summary>
    public Task<List<Case>> ComparableCasesAsync(string? theme, string? intervention, string? municipality, CancellationToken cancellationToken)
    {
        var query = Visible.OfType<Case>();
        if (!string.IsNullOrEmpty(theme))
            query = query.Where(c => c.Themes.Any(t => t.Slug == theme));
        if (!string.IsNullOrEmpty(intervention))
            query = query.Where(c => c.Interventions.Any(i => i.Slug == intervention));
        if (!string.IsNullOrEmpty(municipality))
            query = query.Where(c => c.Municipality == municipality);
        return query.Include(c => c.FailurePatterns).OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Title)
            .AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>The municipalities of visible cases, by name.</summary>
    public Task<List<string>> CaseMunicipalitiesAsync(CancellationToken cancellationToken) =>
        Visible.OfType<Case>().Where(c => c.Municipality != "").Select(c => c.Municipality).Distinct().OrderBy(m => m).ToListAsync(cancellationToken);

    public Task<List<Principle>> PrinciplesAsync(CancellationToken cancellationToken) =>
        Visible.OfType<Principle>().OrderBy(p => p.SortOrder).ThenBy(p => p.Title).ToListAsync(cancellationToken);

    public Task<List<Page>> FooterPagesAsync(CancellationToken cancellationToken) =>
        Visible.OfType<Page>().OrderBy(p => p.SortOrder).ThenBy(p => p.Title).ToListAsync(cancellationToken);

    /// <summary>Items read at a time by <see cref="AllVisibleAsync"/>.</summary>
    public const int StreamBatchSize = 200;

    /// <summary>
    /// Every visible item with its links, for downloads and the sitemap, in batches by id: memory stays flat however
    /// many items there are (the caller writes each item out before the next batch is read).
    /// </summary>
    public async IAsyncEnumerable<ContentItem> AllVisibleAsync([EnumeratorCancellation] CancellationToken cancellationToken, bool withLinks = true)
    {
        var now = Now;
        var after = 0;
        while (true)
        {
            var items = db.Items.AsNoTracking().VisibleAt(now).Where(i => i.Id > after);
            var batch = await (withLinks ? items.WithLinks() : items).OrderBy(i => i.Id).Take(StreamBatchSize).ToListAsync(cancellationToken);
            foreach (var item in batch)
                yield return item;
            if (batch.Count < StreamBatchSize)
                yield break;
            after = batch[^1].Id;
        }
    }

    public bool IsVisible(ContentItem item) => item.IsVisibleAt(Now);

    public DateTime UtcNow => Now;
}
