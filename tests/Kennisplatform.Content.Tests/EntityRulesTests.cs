using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Pages;

namespace Kennisplatform.Content.Tests;

public class EntityRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Case_needs_an_outcome_before_it_is_offered_but_a_concept_may_lack_it()
    {
        var item = new Case { Title = "Buurtkamer" };
        Assert.Empty(item.Validate());
        Assert.Contains(item.Missing(), e => e.Field == "outcome");
        Assert.Contains("uitkomst", Assert.Throws<ContentRuleException>(item.SubmitForReview).Message);
        Assert.Equal(ContentStatus.Draft, item.Status);
        item.Status = ContentStatus.InReview;
        Assert.Contains(item.Validate(), e => e.Field == "outcome");
        item.Outcome = CaseOutcome.Succeeded;
        Assert.DoesNotContain(item.Validate(), e => e.Field == "outcome");
    }

    [Fact]
    public void Failed_case_must_say_what_did_not_work()
    {
        var item = new Case { Title = "Jongerenraad", Outcome = CaseOutcome.Failed };
        Assert.Contains(item.Missing(), e => e.Field == "what_did_not_work");
        Assert.Throws<ContentRuleException>(() => item.Publish(Now));
        item.WhatDidNotWork = "De vorm paste niet bij jongeren.";
        Assert.Empty(item.Missing());
        item.Publish(Now);
        Assert.Empty(item.Validate());
    }

    [Fact]
    public void Case_end_year_before_start_year_is_refused()
    {
        var item = new Case { Title = "X", Outcome = CaseOutcome.Succeeded, StartYear = 2024, EndYear = 2022 };
        Assert.Contains(item.Validate(), e => e.Field == "end_year");
    }

    [Theory]
    [InlineData("WK036301", true)]
    [InlineData("GM0363", true)]
    [InlineData("BU03630100", true)]
    [InlineData("WK36301", false)]
    [InlineData("wijk 3", false)]
    public void Cbs_code_format(string code, bool valid)
    {
        var item = new Case { Title = "X", Outcome = CaseOutcome.Succeeded, CbsCode = code };
        Assert.Equal(valid, !item.Validate().Any(e => e.Field == "cbs_code"));
    }

    [Fact]
    public void Full_is_not_set_by_hand_on_an_event_whose_registrations_the_platform_counts()
    {
        var item = new Event { Title = "Buurtavond", LocationName = "Buurthuis", StartsAt = Now, EndsAt = Now.AddHours(2), EventStatus = EventStatus.Full, TakesRegistrations = true };
        Assert.Contains(item.Validate(), e => e.Field == "event_status");
        item.TakesRegistrations = false; // registration elsewhere: only the organiser knows it is full
        Assert.DoesNotContain(item.Validate(), e => e.Field == "event_status");
    }

    [Fact]
    public void Event_end_before_start_is_refused()
    {
        var item = new Event { Title = "Buurtavond", LocationName = "Buurthuis", StartsAt = Now, EndsAt = Now.AddHours(-1) };
        var error = Assert.Single(item.Validate());
        Assert.Equal("ends", error.Field);
        Assert.Contains("voor de begintijd", error.Message);
    }

    [Fact]
    public void Event_needs_a_place_or_an_online_link()
    {
        var item = new Event { Title = "Buurtavond", StartsAt = Now, EndsAt = Now.AddHours(2) };
        Assert.Contains(item.Missing(), e => e.Field == "location");
        item.OnlineUrl = "javascript:alert(1)";
        Assert.Contains(item.Validate(), e => e.Field == "online_url");
        item.OnlineUrl = "https://meet.example.org/buurt";
        Assert.Empty(item.Validate());
    }

    [Fact]
    public void Connector_without_consent_cannot_be_published()
    {
        var person = new Connector { Title = "Henk" };
        var refusal = Assert.Throws<ContentRuleException>(() => person.Publish(Now));
        Assert.Contains("toestemming", refusal.Message);
        Assert.Equal(ContentStatus.Draft, person.Status);

        person.HasConsent = true;
        person.Publish(Now);
        Assert.Equal(ContentStatus.Published, person.Status);
    }

    [Fact]
    public void Published_connector_without_consent_is_invalid()
    {
        var person = new Connector { Title = "Henk", Status = ContentStatus.Published, PublishedAt = Now };
        Assert.Contains(person.Validate(), e => e.Field == "consent");
    }

    [Fact]
    public void Intervention_with_evidence_level_needs_a_source()
    {
        var item = new Intervention { Title = "Taalcafé", Evidence = EvidenceLevel.WellFounded };
        Assert.Contains(item.Missing(), e => e.Field == "evidence_source");
    }

    [Fact]
    public void Page_cannot_take_a_slug_the_site_uses()
    {
        var page = new Page { Title = "Zoeken", Slug = "zoeken" };
        Assert.Contains(page.Validate(), e => e.Field == "slug");
    }

    [Fact]
    public void Workflow_goes_from_draft_through_review_to_published_and_archived()
    {
        var item = new Case { Title = "X", Outcome = CaseOutcome.Succeeded };
        Assert.Equal(ContentStatus.Draft, item.Status);
        item.SubmitForReview();
        Assert.Equal(ContentStatus.InReview, item.Status);
        Assert.Throws<ContentRuleException>(item.SubmitForReview);
        item.Publish(Now);
        Assert.True(item.IsVisibleAt(Now));
        item.Unpublish();
        Assert.False(item.IsVisibleAt(Now));
        item.Archive();
        Assert.Throws<ContentRuleException>(item.Archive);
        Assert.Throws<ContentRuleException>(item.Unpublish);
    }

    [Fact]
    public void Future_publication_schedules_the_item()
    {
        var item = new Case { Title = "X", Outcome = CaseOutcome.Succeeded };
        item.Publish(Now.AddDays(2));
        Assert.False(item.IsVisibleAt(Now));
        Assert.True(item.IsScheduledAt(Now));
        Assert.True(item.IsVisibleAt(Now.AddDays(2)));
    }

    [Fact]
    public void Invalid_item_cannot_be_published()
    {
        var item = new Case { Title = "X" };
        Assert.Throws<ContentRuleException>(() => item.Publish(Now));
        Assert.NotEqual(ContentStatus.Published, item.Status);
    }

    [Fact]
    public void Dutch_codes_parse_both_ways()
    {
        foreach (var outcome in Dutch.Values<CaseOutcome>())
        {
            Assert.True(Dutch.TryParse<CaseOutcome>(outcome.Code(), out var parsed));
            Assert.Equal(outcome, parsed);
        }
        Assert.False(Dutch.TryParse<CaseOutcome>("succes", out _));
        Assert.Equal("geslaagd, deels, mislukt of te-vroeg", Dutch.CodeList<CaseOutcome>());
    }
}
