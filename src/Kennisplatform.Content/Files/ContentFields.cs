using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.FailurePatterns;
using Kennisplatform.Content.Instruments;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Pages;
using Kennisplatform.Content.Principles;
using Kennisplatform.Content.Themes;

namespace Kennisplatform.Content.Files;

/// <summary>The front-matter keys of every content type, in the order they are written. docs/content-format.md describes them.</summary>
public static class ContentFields
{
    public const string TypeKey = "type";
    public const string SlugKey = "slug";
    public const string PublishedKey = "published";
    public const string StatusKey = "status";
    public const string AuthorKey = "author";

    /// <summary>The workflow keys: set by the workflow buttons and the store, never by the edit form's fields.</summary>
    public static readonly IReadOnlySet<string> WorkflowKeys = new HashSet<string> { StatusKey, PublishedKey, AuthorKey };

    /// <summary>Keys every type has, after type and before the type's own keys (slug is read by the importer itself).</summary>
    public static readonly IReadOnlyList<FileField> Common =
    [
        Field.Text<ContentItem>("title", i => i.Title, (i, v) => i.Title = v),
        Field.Text<ContentItem>("summary", i => i.Summary, (i, v) => i.Summary = v, multiline: true),
        Field.Choice<ContentItem, ContentStatus>(StatusKey, i => i.Status, (i, v) => i.Status = v ?? ContentStatus.Published, ContentStatus.Published),
        Field.Moment<ContentItem>(PublishedKey, i => i.PublishedAt, (i, v) => i.PublishedAt = v),
        Field.Text<ContentItem>(AuthorKey, i => i.Author, (i, v) => i.Author = v),
        Field.Bool<ContentItem>("fictional", i => i.IsFictional, (i, v) => i.IsFictional = v),
        Field.Text<ContentItem>("license", i => i.License == Licenses.Default ? "" : i.License, (i, v) => i.License = v.Length == 0 ? Licenses.Default : v),
        Field.Links<ContentItem, Theme>("themes", ContentType.Theme, i => i.Themes),
        Field.Links<ContentItem, Principle>("principles", ContentType.Principle, i => i.Principles),
    ];

    private static readonly Dictionary<ContentType, (Func<ContentItem> Create, IReadOnlyList<FileField> Fields)> Types = new()
    {
        [ContentType.Case] = (() => new Case(),
        [
            Field.Choice<Case, CaseOutcome>("outcome", c => c.Outcome, (c, v) => c.Outcome = v),
            Field.Choice<Case, EvaluationStage>("evaluation", c => c.Evaluation, (c, v) => c.Evaluation = v ?? EvaluationStage.None, EvaluationStage.None),
            Field.Text<Case>("municipality", c => c.Municipality, (c, v) => c.Municipality = v),
            Field.Text<Case>("neighbourhood", c => c.Neighbourhood, (c, v) => c.Neighbourhood = v),
            Field.Text<Case>("cbs_code", c => c.CbsCode, (c, v) => c.CbsCode = v.ToUpperInvariant()),
            Field.Int<Case>("start_year", c => c.StartYear, (c, v) => c.StartYear = v),
            Field.Int<Case>("end_year", c => c.EndYear, (c, v) => c.EndYear = v),
            Field.Text<Case>("what_worked", c => c.WhatWorked, (c, v) => c.WhatWorked = v, multiline: true),
            Field.Text<Case>("what_did_not_work", c => c.WhatDidNotWork, (c, v) => c.WhatDidNotWork = v, multiline: true),
            Field.Text<Case>("do_differently", c => c.DoDifferently, (c, v) => c.DoDifferently = v, multiline: true),
            Field.Text<Case>("residents_role", c => c.ResidentsRole, (c, v) => c.ResidentsRole = v, multiline: true),
            Field.Text<Case>("municipality_role", c => c.MunicipalityRole, (c, v) => c.MunicipalityRole = v, multiline: true),
            Field.Text<Case>("partners", c => c.Partners, (c, v) => c.Partners = v, multiline: true),
            Field.Links<Case, Intervention>("interventions", ContentType.Intervention, c => c.Interventions),
            Field.Links<Case, FailurePattern>("failure_patterns", ContentType.FailurePattern, c => c.FailurePatterns),
            Field.Link<Case, Connector>("contact", ContentType.Connector, c => c.ContactConnector, (c, v) => c.ContactConnector = v),
        ]),
        [ContentType.Intervention] = (() => new Intervention(),
        [
            Field.Text<Intervention>("aim", i => i.Aim, (i, v) => i.Aim = v, multiline: true),
            Field.ChoiceSet<Intervention, TargetGroups>("target_groups", i => i.TargetGroups, (i, v) => i.TargetGroups = v),
            Field.Text<Intervention>("target_group", i => i.TargetGroup, (i, v) => i.TargetGroup = v, multiline: true),
            Field.Text<Intervention>("approach", i => i.Approach, (i, v) => i.Approach = v, multiline: true),
            Field.Text<Intervention>("core_elements", i => i.CoreElements, (i, v) => i.CoreElements = v, multiline: true),
            Field.Text<Intervention>("preconditions", i => i.Preconditions, (i, v) => i.Preconditions = v, multiline: true),
            Field.Choice<Intervention, CostBand>("cost", i => i.Cost, (i, v) => i.Cost = v ?? CostBand.Unknown, CostBand.Unknown),
            Field.Choice<Intervention, EvidenceLevel>("evidence", i => i.Evidence, (i, v) => i.Evidence = v ?? EvidenceLevel.NotAssessed, EvidenceLevel.NotAssessed),
            Field.Text<Intervention>("evidence_source", i => i.EvidenceSource, (i, v) => i.EvidenceSource = v),
            Field.Date<Intervention>("evidence_date", i => i.EvidenceDate, (i, v) => i.EvidenceDate = v),
            Field.Text<Intervention>("owner", i => i.Owner, (i, v) => i.Owner = v),
            Field.Text<Intervention>("external_url", i => i.ExternalUrl, (i, v) => i.ExternalUrl = v),
        ]),
        [ContentType.Connector] = (() => new Connector(),
        [
            Field.Text<Connector>("role", c => c.Role, (c, v) => c.Role = v),
            Field.Text<Connector>("area", c => c.Area, (c, v) => c.Area = v),
            Field.Text<Connector>("connects", c => c.Connects, (c, v) => c.Connects = v, multiline: true),
            Field.Text<Connector>("ask_me_about", c => c.AskMeAbout, (c, v) => c.AskMeAbout = v, multiline: true),
            Field.Text<Connector>("availability", c => c.Availability, (c, v) => c.Availability = v),
            Field.Bool<Connector>("consent", c => c.HasConsent, (c, v) => c.HasConsent = v),
        ]),
        [ContentType.Event] = (() => new Event(),
        [
            Field.Moment<Event>("starts", e => e.StartsAt == default ? null : e.StartsAt, (e, v) => e.StartsAt = v ?? default),
            Field.Moment<Event>("ends", e => e.EndsAt == default ? null : e.EndsAt, (e, v) => e.EndsAt = v ?? default),
            Field.Choice<Event, EventStatus>("event_status", e => e.EventStatus, (e, v) => e.EventStatus = v ?? EventStatus.Planned, EventStatus.Planned),
            Field.Text<Event>("location", e => e.LocationName, (e, v) => e.LocationName = v),
            Field.Text<Event>("address", e => e.Address, (e, v) => e.Address = v),
            Field.Text<Event>("place", e => e.Place, (e, v) => e.Place = v),
            Field.Text<Event>("online_url", e => e.OnlineUrl, (e, v) => e.OnlineUrl = v),
            Field.Text<Event>("audience", e => e.Audience, (e, v) => e.Audience = v, multiline: true),
            Field.Text<Event>("registration", e => e.Registration, (e, v) => e.Registration = v, multiline: true),
            Field.Text<Event>("harvest", e => e.Harvest, (e, v) => e.Harvest = v, multiline: true),
            Field.Bool<Event>("sign_up", e => e.TakesRegistrations, (e, v) => e.TakesRegistrations = v),
            Field.Int<Event>("capacity", e => e.Capacity, (e, v) => e.Capacity = v),
            Field.Moment<Event>("registration_deadline", e => e.RegistrationDeadline, (e, v) => e.RegistrationDeadline = v),
            Field.Text<Event>("programme", e => e.Programme, (e, v) => e.Programme = v, multiline: true),
        ]),
        [ContentType.Instrument] = (() => new Instrument(),
        [
            Field.Choice<Instrument, InstrumentPerspective>("perspective", i => i.Perspective, (i, v) => i.Perspective = v ?? InstrumentPerspective.Both, InstrumentPerspective.Both),
            Field.Text<Instrument>("maker", i => i.Maker, (i, v) => i.Maker = v),
            Field.Text<Instrument>("external_url", i => i.ExternalUrl, (i, v) => i.ExternalUrl = v),
        ]),
        [ContentType.Principle] = (() => new Principle(),
        [
            Field.Int<Principle>("order", p => p.SortOrder == 0 ? null : p.SortOrder, (p, v) => p.SortOrder = v ?? 0),
            Field.Text<Principle>("needs", p => p.Needs, (p, v) => p.Needs = v, multiline: true),
        ]),
        [ContentType.Theme] = (() => new Theme(),
        [
            Field.Int<Theme>("order", t => t.SortOrder == 0 ? null : t.SortOrder, (t, v) => t.SortOrder = v ?? 0),
        ]),
        [ContentType.FailurePattern] = (() => new FailurePattern(),
        [
            Field.Int<FailurePattern>("order", p => p.SortOrder == 0 ? null : p.SortOrder, (p, v) => p.SortOrder = v ?? 0),
            Field.Text<FailurePattern>("what_helps", p => p.WhatHelps, (p, v) => p.WhatHelps = v, multiline: true),
            Field.Text<FailurePattern>("question", p => p.Question, (p, v) => p.Question = v),
        ]),
        [ContentType.Page] = (() => new Page(),
        [
            Field.Int<Page>("order", p => p.SortOrder == 0 ? null : p.SortOrder, (p, v) => p.SortOrder = v ?? 0),
        ]),
    };

    public static ContentItem Create(ContentType type) => Types[type].Create();

    /// <summary>Common keys, then the type's own keys.</summary>
    public static IEnumerable<FileField> For(ContentType type) => Common.Concat(Types[type].Fields);

    public static bool IsKnownKey(ContentType type, string key) =>
        key is TypeKey or SlugKey || For(type).Any(f => f.Key == key);
}
