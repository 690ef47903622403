using Kennisplatform.Content.Cases;
using Kennisplatform.Content.FailurePatterns;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Tests;

public class PreMortemTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    private static T Published<T>(T item, int id, string title) where T : ContentItem
    {
        item.Id = id;
        item.Title = title;
        item.Status = ContentStatus.Published;
        item.PublishedAt = Now.AddDays(-id);
        return item;
    }

    [Fact]
    public void Patterns_come_most_frequent_first_then_in_the_editors_order_and_only_what_the_public_sees()
    {
        var subsidy = Published(new FailurePattern { SortOrder = 1 }, 1, "Subsidie");
        var ownership = Published(new FailurePattern { SortOrder = 2 }, 2, "Eigenaarschap");
        var sameResidents = Published(new FailurePattern { SortOrder = 3 }, 3, "Dezelfde bewoners");
        var draftPattern = new FailurePattern { Id = 4, Title = "Concept", Status = ContentStatus.Draft };
        var cases = new[]
        {
            Published(new Case { FailurePatterns = [ownership, sameResidents, draftPattern] }, 10, "A"),
            Published(new Case { FailurePatterns = [ownership, ownership] }, 11, "B"),
            Published(new Case { FailurePatterns = [subsidy, sameResidents] }, 12, "C"),
            new Case { Id = 13, Title = "Concept", Status = ContentStatus.Draft, FailurePatterns = [subsidy, subsidy] },
        };

        var lines = PreMortem.From(cases, i => i.IsVisibleAt(Now));

        Assert.Equal(["Eigenaarschap", "Dezelfde bewoners", "Subsidie"], lines.Select(l => l.Pattern.Title));
        Assert.Equal(["A", "B"], lines[0].Cases.Select(c => c.Title));
        Assert.Equal(["A", "C"], lines[1].Cases.Select(c => c.Title));
        Assert.Equal(["C"], lines[2].Cases.Select(c => c.Title));
    }

    [Fact]
    public void Cases_without_patterns_give_an_empty_checklist()
    {
        Assert.Empty(PreMortem.From([Published(new Case(), 1, "Geslaagd")], i => i.IsVisibleAt(Now)));
    }
}
