namespace Kennisplatform.Search.Querying;

public enum SearchSort { Relevance, Newest }

public sealed record SearchRequest
{
    public string? Text { get; init; }
    /// <summary>Facet field → chosen values. Values of one field are alternatives (OR); fields combine with AND.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;
    /// <summary>When a word is known neither to the index nor to the Dutch word list, search its closest known word.</summary>
    public bool Correct { get; init; } = true;
    /// <summary>Search the words as typed: no corrections and no understanding of failures, types or places.</summary>
    public bool Literal { get; init; }
}

/// <summary>One result. <see cref="Facets"/> holds the item's own facet values (themes, outcome, ...), by facet field.</summary>
public sealed record SearchHit(int Id, string Type, string Slug, string Title, string Url, string Summary, string SnippetHtml, DateTime Published, float Score,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets, bool Fictional = false);

public sealed record SearchResults
{
    public required int Total { get; init; }
    public required IReadOnlyList<SearchHit> Hits { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; }
    /// <summary>The page shown: the last page when a page past the end was asked for.</summary>
    public required int Page { get; init; }
    public required int PageSize { get; init; }
    /// <summary>The page that was asked for; differs from <see cref="Page"/> when it was past the end.</summary>
    public int RequestedPage { get; init; }
    /// <summary>A corrected query ("Bedoelde je: ...?"), or null.</summary>
    public string? Suggestion { get; init; }
    /// <summary>Set when the hits are for <see cref="Suggestion"/> instead of the words as typed.</summary>
    public string? SearchedInstead { get; init; }
    /// <summary>What the query asks beyond its words (failures, a type, a place), and the words left to match.</summary>
    public Understanding Understood { get; init; } = Understanding.None;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record Completion(string Text, string? Url);
