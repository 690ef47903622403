namespace Kennisplatform.Search.Indexing;

/// <summary>What the index knows of one published item. Built by the web layer from content; Search knows nothing of EF.</summary>
public sealed record SearchDocument
{
    public required int Id { get; init; }
    /// <summary>The content type code, such as "praktijkvoorbeeld".</summary>
    public required string Type { get; init; }
    public required string Slug { get; init; }
    public required string Url { get; init; }
    public required string Title { get; init; }
    public string Summary { get; init; } = "";
    /// <summary>Plain text of the body and the type's long text fields, without Markdown.</summary>
    public string Body { get; init; } = "";
    /// <summary>What did not work and what would be done differently: the lessons of a case, searched like the body and
    /// favoured when someone looks for failures.</summary>
    public string Lessons { get; init; } = "";
    /// <summary>Words that describe the item: theme and principle names, outcome, place.</summary>
    public string Tags { get; init; } = "";
    public DateTime Published { get; init; }
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> Principles { get; init; } = [];
    /// <summary>Slugs of the failure patterns a case shows.</summary>
    public IReadOnlyList<string> FailurePatterns { get; init; } = [];
    public string? Outcome { get; init; }
    public string? Evidence { get; init; }
    /// <summary>Codes of an intervention's target groups (kinderen, ouderen, ...).</summary>
    public IReadOnlyList<string> TargetGroups { get; init; } = [];
    public string? Municipality { get; init; }
    public string? Neighbourhood { get; init; }
    /// <summary>An invented example: shown as such wherever it is listed.</summary>
    public bool Fictional { get; init; }
}

/// <summary>Field names, in one place.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Type = "type";
    public const string Slug = "slug";
    public const string Url = "url";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Lessons = "lessons";
    public const string Tags = "tags";
    public const string Published = "published";
    public const string Theme = "theme";
    public const string Principle = "principle";
    public const string FailurePattern = "failurepattern";
    public const string Outcome = "outcome";
    public const string Evidence = "evidence";
    public const string TargetGroup = "targetgroup";
    public const string Municipality = "municipality";
    public const string Neighbourhood = "neighbourhood";
    public const string Fictional = "fictional";
    /// <summary>Unstemmed words of all text: the vocabulary for "did you mean" and completion.</summary>
    public const string Vocabulary = "vocabulary";
    /// <summary>Unstemmed words of the title, for completing titles.</summary>
    public const string TitleWords = "titlewords";

    /// <summary>The fields a query searches, with their weights: title over summary over body over tags.</summary>
    public static readonly IReadOnlyList<(string Field, float Boost)> Searched =
        [(Title, 4f), (Summary, 2f), (Body, 1f), (Lessons, 1f), (Tags, 0.6f)];

    /// <summary>The stored texts a snippet is taken from, each on its own: a snippet never joins two of them.</summary>
    public static readonly IReadOnlyList<string> Snippeted = [Summary, Body, Lessons];

    /// <summary>The fields with facet counts and filters, in display order.</summary>
    public static readonly IReadOnlyList<string> Facets = [Type, Theme, Principle, Outcome, FailurePattern, TargetGroup, Evidence, Municipality, Neighbourhood];

    /// <summary>Facets whose values are places: a place named in a query favours items there.</summary>
    public static readonly IReadOnlyList<string> Places = [Municipality, Neighbourhood];

    /// <summary>Facets an item has more than one value of; the others hold one value and are cheaper to count.</summary>
    public static readonly IReadOnlySet<string> MultiValued = new HashSet<string> { Theme, Principle, FailurePattern, TargetGroup };
}
