using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Themes;

namespace Kennisplatform.Content.FailurePatterns;

/// <summary>
/// Faalpatroon: a mistake that recurs in neighbourhood work, such as a project that stops when its subsidy stops.
/// Cases are tagged with the patterns they show; the principles linked to a pattern are the ones that counter it.
/// </summary>
public class FailurePattern : ContentItem
{
    public override ContentType Kind => ContentType.FailurePattern;

    /// <summary>What helps against the pattern (Markdown).</summary>
    public string WhatHelps { get; set; } = "";

    /// <summary>The question to ask yourself before you start, such as "Wie neemt het over als de subsidie stopt?".</summary>
    public string Question { get; set; } = "";

    public int SortOrder { get; set; }

    public List<Case> Cases { get; set; } = [];

    /// <summary>
    /// The themes of the cases that show this pattern, most cases first (then by title), counting only what
    /// <paramref name="isVisible"/> lets through: where the pattern occurs most.
    /// </summary>
    public IReadOnlyList<(Theme Theme, int Cases)> ThemesOfCases(Func<ContentItem, bool> isVisible) =>
        Cases.Where(c => isVisible(c))
            .SelectMany(c => c.Themes.Where(t => isVisible(t)).DistinctBy(t => t.Id))
            .GroupBy(t => t.Id)
            .Select(g => (Theme: g.First(), Cases: g.Count()))
            .OrderByDescending(t => t.Cases).ThenBy(t => t.Theme.Title, StringComparer.Ordinal)
            .ToList();

    protected override IEnumerable<ValidationError> ValidateType()
    {
        if (Question.Length > 300)
            yield return new("question", "De vraag is te lang: gebruik hoogstens 300 tekens.");
    }

    protected override IEnumerable<ValidationError> ValidateCompleteness()
    {
        if (string.IsNullOrWhiteSpace(WhatHelps))
            yield return new("what_helps", "Vertel bij een faalpatroon wat ertegen helpt: daarvoor komen mensen naar deze pagina.");
    }
}
