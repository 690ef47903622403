using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.FailurePatterns;

/// <summary>One line of a pre-mortem checklist: a failure pattern and the comparable cases that showed it.</summary>
public sealed record PreMortemLine(FailurePattern Pattern, IReadOnlyList<Case> Cases);

/// <summary>
/// "Voordat je begint": the failure patterns seen in cases comparable to what someone plans, most frequent first.
/// Ties go by the editors' order of the patterns, then by title, so the same question gives the same list.
/// </summary>
public static class PreMortem
{
    public static IReadOnlyList<PreMortemLine> From(IEnumerable<Case> comparable, Func<ContentItem, bool> isVisible) =>
        comparable.Where(c => isVisible(c))
            .SelectMany(c => c.FailurePatterns.Where(p => isVisible(p)).DistinctBy(p => p.Id).Select(p => (Pattern: p, Case: c)))
            .GroupBy(x => x.Pattern.Id)
            .Select(g => new PreMortemLine(g.First().Pattern,
                g.Select(x => x.Case).OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Title, StringComparer.Ordinal).ToList()))
            .OrderByDescending(l => l.Cases.Count)
            .ThenBy(l => l.Pattern.SortOrder)
            .ThenBy(l => l.Pattern.Title, StringComparer.Ordinal)
            .ToList();
}
