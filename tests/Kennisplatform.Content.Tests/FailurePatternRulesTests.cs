using Kennisplatform.Content.Cases;
using Kennisplatform.Content.FailurePatterns;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Themes;

namespace Kennisplatform.Content.Tests;

public class FailurePatternRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    private static T Published<T>(T item, int id, string title) where T : ContentItem
    {
        item.Id = id;
        item.Title = title;
        item.Status = ContentStatus.Published;
        item.PublishedAt = Now.AddDays(-1);
        return item;
    }

    [Fact]
    public void Themes_of_cases_count_each_case_once_most_cases_first_and_only_what_the_public_sees()
    {
        var youth = Published(new Theme(), 1, "Jeugd");
        var safety = Published(new Theme(), 2, "Veiligheid");
        var housing = Published(new Theme(), 3, "Wonen");
        var hiddenTheme = new Theme { Id = 4, Title = "Concept", Status = ContentStatus.Draft };
        var pattern = new FailurePattern
        {
            Cases =
            [
                Published(new Case { Themes = [youth, safety, youth] }, 10, "A"),
                Published(new Case { Themes = [safety, hiddenTheme] }, 11, "B"),
                Published(new Case { Themes = [housing] }, 12, "C"),
                new Case { Id = 13, Title = "Concept", Status = ContentStatus.Draft, Themes = [housing, housing] },
            ],
        };

        var counted = pattern.ThemesOfCases(i => i.IsVisibleAt(Now));

        Assert.Equal([("Veiligheid", 2), ("Jeugd", 1), ("Wonen", 1)], counted.Select(t => (t.Theme.Title, t.Cases)));
    }

    [Fact]
    public void A_pattern_is_published_only_with_what_helps_against_it()
    {
        var pattern = new FailurePattern { Title = "Steeds dezelfde bewoners" };
        Assert.Throws<ContentRuleException>(() => pattern.Publish(Now));
        pattern.WhatHelps = "Ga naar mensen toe.";
        pattern.Publish(Now);
        Assert.Equal(ContentStatus.Published, pattern.Status);
    }

    [Fact]
    public void A_long_question_is_refused()
    {
        var pattern = new FailurePattern { Title = "X", Question = new string('v', 301) };
        Assert.Contains(pattern.Validate(), e => e.Field == "question");
        pattern.Question = "Wie neemt het over als de subsidie stopt?";
        Assert.Empty(pattern.Validate());
    }
}
