using System.Text.Json.Nodes;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Web.Site;

/// <summary>
/// Everything the web layer knows of one content type, in one record; <see cref="TypeDescriptors"/> holds one per type.
/// The code, segment and Dutch names come from <see cref="ContentType"/>'s attributes, which Content needs too.
/// </summary>
public sealed record TypeDescriptor
{
    public required ContentType Type { get; init; }

    /// <summary>First path segment of the overview and detail pages; null for free pages, which live at the root.</summary>
    public string? Segment => Type.Segment();
    public string Singular => Type.Label();
    public string Plural => Type.PluralLabel();

    /// <summary>A "het" word (het praktijkvoorbeeld): adjectives before it take no -e ("geen gepubliceerd praktijkvoorbeeld").</summary>
    public bool Neuter { get; init; }

    /// <summary>"gepubliceerd praktijkvoorbeeld", "gepubliceerde interventie".</summary>
    public string Published => (Neuter ? "gepubliceerd " : "gepubliceerde ") + Singular.ToLowerInvariant();

    /// <summary>The lead text of the overview page.</summary>
    public required string Intro { get; init; }

    /// <summary>The English collection name in the open data API: /api/v1/{collection}.</summary>
    public required string Collection { get; init; }

    /// <summary>The partial that renders the type's own part of the detail page (and of the editors' preview).</summary>
    public required string DetailPartial { get; init; }

    /// <summary>The partial that adds the type's facts to a card, or null when a card shows only title and summary.</summary>
    public string? CardPartial { get; init; }

    /// <summary>What search and the CSV export know of an item beyond the common fields.</summary>
    public required Func<ContentItem, ItemFacts> Facts { get; init; }

    /// <summary>The filters of the overview page, in display order.</summary>
    public IReadOnlyList<OverviewFilterKind> Filters { get; init; } = [OverviewFilterKind.Theme];

    /// <summary>The order of the overview and the API list.</summary>
    public Func<IQueryable<ContentItem>, OverviewFilter, IOrderedQueryable<ContentItem>> Order { get; init; } =
        (items, _) => items.OrderBy(i => i.Title);

    /// <summary>The other direction of the links (cases using this intervention, ...), or null when nothing links here.</summary>
    public Referencing? ReferencedBy { get; init; }

    /// <summary>The heading above the item's working principles: for a failure pattern, the principles that counter it.</summary>
    public string PrinciplesHeading { get; init; } = "Werkzame principes";

    /// <summary>Whether visitors can keep items of this type in "Mijn selectie" (/selectie).</summary>
    public bool Selectable { get; init; }

    /// <summary>Whether items of this type are put side by side at /vergelijken (cards and detail pages offer it).</summary>
    public bool Comparable { get; init; }

    /// <summary>Links under the overview's lead text: the page and what the link says.</summary>
    public IReadOnlyList<(string Page, string Text)> OverviewLinks { get; init; } = [];

    /// <summary>A file to subscribe to, offered on the overview (the agenda's iCal feed), or none.</summary>
    public (string Url, string Text, string Explanation)? Subscription { get; init; }

    /// <summary>Whether an item's card is marked as a lesson (a failure or a partial success), so lessons stand out in lists.</summary>
    public Func<ContentItem, bool> IsLesson { get; init; } = _ => false;

    /// <summary>The facts a printed selection shows under the title, or none.</summary>
    public Func<ContentItem, IReadOnlyList<(string Label, string? Value)>> KeyFacts { get; init; } = _ => [];

    /// <summary>Where an item is, for the place pages (/gemeenten/...), or null when the type has no place.</summary>
    public Func<ContentItem, Places.Place?>? Place { get; init; }

    /// <summary>Open Graph type of the detail page.</summary>
    public string OpenGraphType { get; init; } = "website";

    /// <summary>schema.org JSON-LD for the detail page, or null when the type has none.</summary>
    public Func<ContentItem, HttpContext, JsonObject>? StructuredData { get; init; }

    /// <summary>Facts of one entity class, for <see cref="Facts"/>.</summary>
    public static Func<ContentItem, ItemFacts> FactsOf<T>(Func<T, ItemFacts> facts) where T : ContentItem =>
        item => item is T typed ? facts(typed) : throw new InvalidOperationException($"Item {item.Id} is a {item.GetType().Name}, not a {typeof(T).Name}.");
}

/// <summary>A type's own facts for search and CSV: extra tag words, long texts searched like the body, facet values, dates.</summary>
public sealed record ItemFacts
{
    public static readonly ItemFacts None = new();

    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> LongTexts { get; init; } = [];
    /// <summary>What did not work and what would be done differently: searched apart, favoured when someone looks for failures.</summary>
    public IReadOnlyList<string> Lessons { get; init; } = [];
    public string? Outcome { get; init; }
    public string? Evidence { get; init; }
    /// <summary>The codes of an intervention's target groups: a search facet.</summary>
    public IReadOnlyList<string> TargetGroups { get; init; } = [];
    public string? Municipality { get; init; }
    public string? Neighbourhood { get; init; }
    public DateTime? StartsAt { get; init; }
    public DateTime? EndsAt { get; init; }
    /// <summary>The failure patterns a case shows: a search facet and a CSV column.</summary>
    public IReadOnlyList<ContentItem> FailurePatterns { get; init; } = [];
}

/// <summary>Which items link to an item of this type, and under what heading the detail page lists them.</summary>
public sealed record Referencing(string Heading, bool GroupByType, Func<IQueryable<ContentItem>, int, IQueryable<ContentItem>> Query);

/// <summary>The filters an overview can have; <see cref="OverviewFacets"/> holds what each one does.</summary>
public enum OverviewFilterKind { Theme, Outcome, Evaluation, FailurePattern, Municipality, Period, Evidence, Cost, Perspective, When, Attendance, TargetGroup, FollowUp }
