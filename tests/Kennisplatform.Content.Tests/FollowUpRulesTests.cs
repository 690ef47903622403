using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Tests;

public class FollowUpRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static FollowUp Published(DateOnly date) => new() { Date = date, Status = FollowUpStatus.Published, Title = "Een jaar later", Text = "Het loopt nog steeds, met nieuwe mensen." };

    [Fact]
    public void A_case_is_due_one_and_three_years_after_its_end_until_a_follow_up_after_that_moment()
    {
        var ended = new Case { EndYear = 2024 }; // clock starts 2024-07-01
        Assert.Equal(1, ended.FollowUpDue(Today));
        ended.FollowUps.Add(Published(new DateOnly(2025, 6, 30)));
        Assert.Equal(1, ended.FollowUpDue(Today)); // before the one-year moment: does not count
        ended.FollowUps.Add(Published(new DateOnly(2025, 7, 1)));
        Assert.Null(ended.FollowUpDue(Today));

        var older = new Case { EndYear = 2022, FollowUps = [Published(new DateOnly(2023, 8, 1))] };
        Assert.Equal(3, older.FollowUpDue(Today));
        older.FollowUps.Add(new FollowUp { Date = new DateOnly(2026, 1, 1), Status = FollowUpStatus.Proposed });
        Assert.Equal(3, older.FollowUpDue(Today)); // a proposal is not a follow-up yet

        Assert.Null(new Case { EndYear = 2026 }.FollowUpDue(Today));
        var running = new Case { PublishedAt = new DateTime(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc) };
        Assert.Equal(1, running.FollowUpDue(Today));
        Assert.Null(new Case().FollowUpDue(Today));
    }

    [Fact]
    public void Publishing_and_turning_down_follow_the_workflow()
    {
        var proposal = new FollowUp();
        proposal.Publish(new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc));
        Assert.True(proposal.IsPublic);
        Assert.Throws<ContentRuleException>(() => proposal.Publish(DateTime.UtcNow));
        Assert.Throws<ContentRuleException>(proposal.Reject);
        var other = new FollowUp();
        other.Reject();
        Assert.Equal(FollowUpStatus.Rejected, other.Status);
        // A turned-down proposal stays turned down: not by a click, not by an import of a file with the same title.
        Assert.Throws<ContentRuleException>(() => other.Publish(DateTime.UtcNow));
        Assert.False(other.IsPublic);
    }

    [Fact]
    public void An_end_year_outside_1900_to_2100_is_refused_and_never_starts_the_follow_up_clock()
    {
        var typo = new Case { Title = "Typefout", EndYear = 20224, StartYear = 2020 };
        Assert.Contains(typo.Validate(), e => e.Field == "end_year" && e.Message.Contains("tussen 1900 en 2100"));
        Assert.Null(typo.FollowUpDue(Today)); // no exception, no reminder from a year that cannot be
        var stored = new Case { EndYear = 0, PublishedAt = new DateTime(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc) };
        Assert.Equal(1, stored.FollowUpDue(Today)); // the publication starts the clock instead
    }

    [Fact]
    public void A_follow_up_needs_a_title_a_real_text_and_a_date_that_has_been()
    {
        Assert.Empty(Published(Today).Validate(Today));
        var errors = new FollowUp { Date = Today.AddDays(1), Text = "kort" }.Validate(Today).Select(e => e.Field).ToList();
        Assert.Equal(["title", "text", "date"], errors);
        Assert.Contains("title", new FollowUp { Title = new string('x', FollowUp.TitleMaxLength + 1), Text = new string('y', 30), Date = Today }.Validate(Today).Select(e => e.Field));
    }
}
