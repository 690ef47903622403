using Kennisplatform.Content.Principles;
using Kennisplatform.Content.Themes;

namespace Kennisplatform.Content.Model;

/// <summary>
/// What every content type shares: identity, text, workflow state, links to themes and principles.
/// Workflow rules live here as methods that refuse what is not allowed.
/// </summary>
public abstract class ContentItem
{
    public int Id { get; set; }
    public abstract ContentType Kind { get; }

    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>Markdown; rendered and sanitised only when shown.</summary>
    public string Body { get; set; } = "";

    public ContentStatus Status { get; set; } = ContentStatus.Draft;
    /// <summary>UTC. With status Published, a moment in the future schedules the item.</summary>
    public DateTime? PublishedAt { get; set; }
    public string Author { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token: every save raises it; a save based on an older value is refused.</summary>
    public int Version { get; set; }

    /// <summary>Marks invented example content so the site can say so.</summary>
    public bool IsFictional { get; set; }
    public string License { get; set; } = Licenses.Default;

    public List<Theme> Themes { get; set; } = [];
    public List<Principle> Principles { get; set; } = [];
    public List<SlugAlias> Aliases { get; set; } = [];
    /// <summary>
    /// "Ik heb dit ook geprobeerd" reports on an intervention or a case (<see cref="Trials.TrialReport.Types"/>); loaded
    /// with <c>WithLinks</c>, published ones only, so the public never meets a waiting report or its sender.
    /// </summary>
    public List<Trials.TrialReport> TrialReports { get; set; } = [];

    /// <summary>
    /// The item's last real change, for feeds and sitemaps: an item not saved again since it was created (an import)
    /// changed when it was published, not at the moment of the import; a later publication counts as a change.
    /// </summary>
    public DateTime LastChangedAt =>
        Version <= 1 && PublishedAt is { } published ? published
        : PublishedAt is { } later && later > UpdatedAt ? later : UpdatedAt;

    /// <summary>Sent back to its auteur by an editor, and not offered again since: it waits for the auteur.</summary>
    public bool SentBack { get; set; }

    public bool IsVisibleAt(DateTime utcNow) =>
        Status == ContentStatus.Published && PublishedAt is { } at && at <= utcNow;

    public bool IsScheduledAt(DateTime utcNow) =>
        Status == ContentStatus.Published && PublishedAt is { } at && at > utcNow;

    public void SubmitForReview()
    {
        if (Status is not ContentStatus.Draft)
            throw new ContentRuleException("Alleen een concept kan ter beoordeling worden aangeboden.");
        var missing = Missing().ToList();
        if (missing.Count > 0)
            throw new ContentRuleException("Nog niet compleet: " + string.Join(" ", missing.Select(p => p.Message)));
        Status = ContentStatus.InReview;
        SentBack = false;
    }

    /// <summary>An editor sends an item that waits for review back to its author as a concept.</summary>
    public void SendBack()
    {
        if (Status is not ContentStatus.InReview)
            throw new ContentRuleException("Alleen een item dat ter beoordeling ligt, kan worden teruggestuurd.");
        Status = ContentStatus.Draft;
        SentBack = true;
    }

    /// <summary>Publishes at <paramref name="at"/> (UTC); a moment in the future schedules the item.</summary>
    public void Publish(DateTime at)
    {
        var problems = Validate().Concat(Status is ContentStatus.InReview or ContentStatus.Published ? [] : Missing()).ToList();
        if (problems.Count > 0)
            throw new ContentRuleException(string.Join(" ", problems.Select(p => p.Message)));
        Status = ContentStatus.Published;
        PublishedAt = at;
        SentBack = false;
    }

    public void Unpublish()
    {
        if (Status is not ContentStatus.Published)
            throw new ContentRuleException("Alleen een gepubliceerd item kan worden teruggezet naar concept.");
        Status = ContentStatus.Draft;
    }

    public void Archive()
    {
        if (Status is ContentStatus.Archived)
            throw new ContentRuleException("Dit item is al gearchiveerd.");
        Status = ContentStatus.Archived;
    }

    /// <summary>
    /// Rules that hold in every state, so a concept can always be saved while it is sound (types, lengths, slugs,
    /// links); the completeness rules join them once the item is offered for review or published.
    /// </summary>
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Title))
            yield return new("title", "Geef een titel.");
        else if (Title.Length > 200)
            yield return new("title", "De titel is te lang: gebruik hoogstens 200 tekens.");
        if (Summary.Length > 1000)
            yield return new("summary", "De samenvatting is te lang: gebruik hoogstens 1000 tekens.");
        if (Slug.Length > 0 && !SlugRules.IsValid(Slug))
            yield return new("slug", "Een slug bestaat alleen uit kleine letters, cijfers en streepjes, zoals 'buurtkamer-noord'.");
        foreach (var error in ValidateType())
            yield return error;
        if (Status is ContentStatus.InReview or ContentStatus.Published)
            foreach (var error in Missing())
                yield return error;
    }

    /// <summary>What the item still lacks before it can be offered for review or published: the editor's checklist.</summary>
    public IEnumerable<ValidationError> Missing() => ValidateCompleteness();

    /// <summary>The soundness rules of one content type: what keeps its data well-formed in every state.</summary>
    protected virtual IEnumerable<ValidationError> ValidateType() => [];

    /// <summary>The completeness rules of one content type: a concept may lack these, an offered or public item not.</summary>
    protected virtual IEnumerable<ValidationError> ValidateCompleteness() => [];
}

public static class Licenses
{
    public const string Default = "CC BY 4.0";
}
