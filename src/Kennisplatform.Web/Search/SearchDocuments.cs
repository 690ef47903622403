using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.Instruments;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Principles;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Web.Site;
using Markdig;

namespace Kennisplatform.Web.Search;

/// <summary>How a content item looks to the search index: the one place where content meets search.</summary>
public static class SearchDocuments
{
    public static SearchDocument From(ContentItem item, DateTime utcNow)
    {
        var visibleThemes = item.Themes.Where(t => t.IsVisibleAt(utcNow)).ToList();
        var visiblePrinciples = item.Principles.Where(p => p.IsVisibleAt(utcNow)).ToList();
        var tags = new List<string> { item.Kind.Label() };
        tags.AddRange(visibleThemes.Select(t => t.Title));
        tags.AddRange(visiblePrinciples.Select(p => p.Title));

        var document = new SearchDocument
        {
            Id = item.Id,
            Type = item.Kind.Code(),
            Slug = item.Slug,
            Url = Sections.UrlOf(item),
            Title = item.Title,
            Summary = item.Summary,
            Body = PlainText(LongTexts(item).Prepend(item.Body)),
            Published = item.PublishedAt ?? item.UpdatedAt,
            Themes = visibleThemes.Select(t => t.Slug).ToList(),
            Principles = visiblePrinciples.Select(p => p.Slug).ToList(),
        };
        switch (item)
        {
            case Case c:
                tags.AddRange([c.Outcome?.Label() ?? "", c.Municipality, c.Neighbourhood, c.Partners]);
                return document with
                {
                    Tags = Join(tags), Outcome = c.Outcome?.Code(), Municipality = NullIfEmpty(c.Municipality),
                };
            case Intervention i:
                tags.AddRange([i.Evidence.Label(), i.Owner, i.TargetGroup]);
                return document with { Tags = Join(tags), Evidence = i.Evidence.Code() };
            case Connector p:
                tags.AddRange([p.Role, p.Area]);
                return document with { Tags = Join(tags) };
            case Event e:
                tags.AddRange([e.LocationName, e.Place, e.Audience]);
                return document with { Tags = Join(tags), Municipality = NullIfEmpty(e.Place) };
            case Instrument n:
                tags.AddRange([n.Perspective.Label(), n.Maker]);
                return document with { Tags = Join(tags) };
            default:
                return document with { Tags = Join(tags) };
        }
    }

    /// <summary>The long text fields of a type, which are searched like the body.</summary>
    private static IEnumerable<string> LongTexts(ContentItem item) => item switch
    {
        Case c => [c.WhatWorked, c.WhatDidNotWork, c.DoDifferently, c.ResidentsRole, c.MunicipalityRole],
        Intervention i => [i.Aim, i.Approach, i.CoreElements, i.Preconditions],
        Connector p => [p.Connects, p.AskMeAbout],
        Event e => [e.Harvest],
        Principle p => [p.Needs],
        _ => [],
    };

    private static string PlainText(IEnumerable<string> markdown) =>
        string.Join("\n\n", markdown.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => Markdown.ToPlainText(m).Trim()));

    private static string Join(IEnumerable<string> parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
