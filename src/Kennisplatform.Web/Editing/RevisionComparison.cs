using System.Globalization;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;
using Kennisplatform.Web.Accounts;

namespace Kennisplatform.Web.Editing;

/// <summary>One field that differs between two revisions, in words an editor reads: its label and both values.</summary>
/// <param name="IsList">Each piece is one chosen item (a theme, a target group) rather than a stretch of text.</param>
public sealed record FieldChange(string Key, string Label, IReadOnlyList<Piece> Old, IReadOnlyList<Piece> New, bool IsList);

/// <summary>
/// Compares two revision snapshots field by field with the edit form's labels. Texts are compared word by word;
/// links show the titles of what they link to, choices their Dutch labels, people their names.
/// </summary>
public static class RevisionComparison
{
    /// <param name="titles">Titles of linkable items by type and slug; a slug not in it (since removed) shows as itself.</param>
    public static IReadOnlyList<FieldChange> Compare(ContentType kind, string oldSnapshot, string newSnapshot,
        IReadOnlyDictionary<(ContentType, string), string> titles, NameBook names)
    {
        var before = FrontMatter.Parse(oldSnapshot).Document;
        var after = FrontMatter.Parse(newSnapshot).Document;
        var changes = new List<FieldChange>();
        foreach (var field in ContentFields.For(kind))
        {
            if (Change(field, before?[field.Key], after?[field.Key], titles, names) is { } change)
                changes.Add(change);
            if (field.Key == "title" && Text(FormSections.SlugKey, FieldLabels.Label(FormSections.SlugKey), before?[FormSections.SlugKey]?.Scalar, after?[FormSections.SlugKey]?.Scalar) is { } slug)
                changes.Add(slug);
            if (field.Key == "summary" && Text(FormSections.BodyKey, FieldLabels.Body(kind), before?.Body, after?.Body) is { } body)
                changes.Add(body);
        }
        return changes;
    }

    private static FieldChange? Change(FileField field, FileValue? before, FileValue? after,
        IReadOnlyDictionary<(ContentType, string), string> titles, NameBook names)
    {
        var label = FieldLabels.Label(field.Key);
        switch (field.Kind)
        {
            case FieldKind.Line or FieldKind.Text when field.Key != ContentFields.AuthorKey:
                return Text(field.Key, label, before?.Scalar, after?.Scalar);
            case FieldKind.Links or FieldKind.Choices:
                var old = (before?.List ?? []).Select(v => Show(field, v, titles)).ToList();
                var now = (after?.List ?? []).Select(v => Show(field, v, titles)).ToList();
                if (old.SequenceEqual(now))
                    return null;
                return new(field.Key, label, [.. old.Select(v => new Piece(v, !now.Contains(v)))], [.. now.Select(v => new Piece(v, !old.Contains(v)))], IsList: true);
            default:
                var show = field.Key == ContentFields.AuthorKey ? (Func<string, string>)(v => names.Of(v)) : v => Show(field, v, titles);
                var (from, to) = (Whole(field, before?.Scalar, show), Whole(field, after?.Scalar, show));
                return from.SequenceEqual(to) ? null : new(field.Key, label, from, to, IsList: false);
        }
    }

    private static FieldChange? Text(string key, string label, string? before, string? after)
    {
        var (from, to) = ((before ?? "").Trim(), (after ?? "").Trim());
        if (from == to)
            return null;
        var (old, now) = WordDiff.Compare(from, to);
        return new(key, label, old, now, IsList: false);
    }

    /// <summary>A value that is not free text (a choice, a date) changes as a whole; an empty yes/no is a no.</summary>
    private static IReadOnlyList<Piece> Whole(FileField field, string? value, Func<string, string> show) =>
        string.IsNullOrWhiteSpace(value) ? (field.Kind == FieldKind.YesNo ? [new Piece("Nee", true)] : []) : [new Piece(show(value), true)];

    private static string Show(FileField field, string value, IReadOnlyDictionary<(ContentType, string), string> titles) => field.Kind switch
    {
        FieldKind.Choice or FieldKind.Choices =>
            field.Choices.FirstOrDefault(c => string.Equals(c.Code, value, StringComparison.OrdinalIgnoreCase)).Label ?? value,
        FieldKind.Links or FieldKind.Link when field.Target is { } target => titles.GetValueOrDefault((target, value)) ?? value,
        FieldKind.YesNo => value is "ja" or "true" or "yes" ? "Ja" : "Nee",
        FieldKind.Moment => MomentText.Parse(field.Key, value) is (var utc, null) ? DutchTime.DateAndTime(utc) : value,
        FieldKind.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("d MMMM yyyy", DutchTime.Culture) : value,
        _ => value,
    };
}
