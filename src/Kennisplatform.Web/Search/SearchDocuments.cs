using Kennisplatform.Content.Model;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Web.Site;
using Markdig;

namespace Kennisplatform.Web.Search;

/// <summary>Builds the search document of an item; the indexer asks for it through DI so tests can make one fail.</summary>
public delegate SearchDocument BuildSearchDocument(ContentItem item, DateTime utcNow);

/// <summary>How a content item looks to the search index: the one place where content meets search.</summary>
public static class SearchDocuments
{
    public static SearchDocument From(ContentItem item, DateTime utcNow)
    {
        var facts = TypeDescriptors.Of(item.Kind).Facts(item);
        var visibleThemes = item.Themes.Where(t => t.IsVisibleAt(utcNow)).ToList();
        var visiblePrinciples = item.Principles.Where(p => p.IsVisibleAt(utcNow)).ToList();
        var visiblePatterns = facts.FailurePatterns.Where(p => p.IsVisibleAt(utcNow)).ToList();
        var tags = new List<string> { item.Kind.Label() };
        tags.AddRange(visibleThemes.Select(t => t.Title));
        tags.AddRange(visiblePrinciples.Select(p => p.Title));
        tags.AddRange(visiblePatterns.Select(p => p.Title));
        tags.AddRange(facts.Tags);

        return new SearchDocument
        {
            Id = item.Id,
            Type = item.Kind.Code(),
            Slug = item.Slug,
            Url = Sections.UrlOf(item),
            Title = item.Title,
            Summary = item.Summary,
            // A case's published follow-ups are part of its story: "Een jaar later" is found with the case.
            Body = PlainText(facts.LongTexts.Prepend(item.Body).Concat(FollowUpTexts(item))),
            // Why it went as it did elsewhere ("ook geprobeerd"), approved reports only: found with the item, never their senders.
            Lessons = PlainText(facts.Lessons.Concat(item.TrialReports.Where(r => r.IsPublic).Select(r => r.Reason))),
            Fictional = item.IsFictional,
            Tags = Join(tags),
            Published = item.PublishedAt ?? item.UpdatedAt,
            Themes = visibleThemes.Select(t => t.Slug).ToList(),
            Principles = visiblePrinciples.Select(p => p.Slug).ToList(),
            FailurePatterns = visiblePatterns.Select(p => p.Slug).ToList(),
            Outcome = facts.Outcome,
            Evidence = facts.Evidence,
            TargetGroups = facts.TargetGroups,
            Municipality = NullIfEmpty(facts.Municipality),
            Neighbourhood = NullIfEmpty(facts.Neighbourhood),
        };
    }

    private static IEnumerable<string> FollowUpTexts(ContentItem item) =>
        item is Kennisplatform.Content.Cases.Case c ? c.FollowUps.Where(f => f.IsPublic).OrderBy(f => f.Date).Select(f => f.Title + "\n\n" + f.Text) : [];

    private static string PlainText(IEnumerable<string> markdown) =>
        string.Join("\n\n", markdown.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => Markdown.ToPlainText(m).Trim()));

    private static string Join(IEnumerable<string> parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
