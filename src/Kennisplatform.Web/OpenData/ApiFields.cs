using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;
using Kennisplatform.Web.Editing;

namespace Kennisplatform.Web.OpenData;

/// <summary>One field of an item in the API, as the API reference page describes it.</summary>
public sealed record ApiField(string Key, string Meaning, string Values);

/// <summary>
/// The fields of an item in the API, per type, with their meaning and their values: read from the same field table that
/// <see cref="ContentJson"/> writes from, so the reference cannot forget a field.
/// </summary>
public static class ApiFields
{
    public const string MomentValues = "moment in ISO 8601 met de afwijking van UTC, zoals 2026-03-12T19:30:00+01:00";

    /// <summary>The fields of every list item, in the order the API writes them.</summary>
    public static readonly IReadOnlyList<ApiField> Summary =
    [
        new("type", "De soort inhoud.", "de code van de soort, zoals praktijkvoorbeeld"),
        new("slug", "Het laatste deel van het adres; samen met de soort uniek.", "kleine letters, cijfers en streepjes"),
        new("title", "Titel.", "tekst"),
        new("summary", "Eén of twee zinnen over het item.", "tekst"),
        new("url", "Het adres van de pagina op de site.", "volledig adres"),
        new(ContentFields.PublishedKey, "Wanneer het item gepubliceerd is.", MomentValues),
        new("license", "De licentie van de tekst.", "tekst, meestal CC BY 4.0"),
        new("fictional", "Of het een verzonnen voorbeeld is; de site meldt dat bij het item.", "true of false"),
    ];

    /// <summary>The fields of an item in a list: <see cref="Summary"/>, and for the types that take "ook geprobeerd" reports their counts.</summary>
    public static readonly IReadOnlyList<ApiField> ListItem =
    [
        .. Summary,
        new(Trials.TrialJson.Key, "Alleen bij interventies en praktijkvoorbeelden: hoe vaak professionals en bewoners het ook probeerden, na controle door de redactie; geen bewijs. "
            + "count: total, succeeded, partly en failed. Het losse item geeft ook de ervaringen zelf.", "object"),
    ];

    /// <summary>The fields of one item of <paramref name="type"/> (GET /api/v1/{collection}/{slug}) beyond <see cref="Summary"/>.</summary>
    public static IReadOnlyList<ApiField> Detail(ContentType type) =>
    [
        .. ContentFields.For(type).Where(f => !ContentJson.Private.Contains(f.Key) && Summary.All(s => s.Key != f.Key)).Select(Describe),
        .. Content.Trials.TrialReport.Types.Contains(type) ? [Trials.TrialJson.Field] : Array.Empty<ApiField>(),
        new("body", "De tekst van het item.", "Markdown"),
        new("bodyHtml", "Dezelfde tekst als veilige HTML.", "HTML"),
        .. type == ContentType.Case ? [FollowUps.FollowUpJson.Field] : Array.Empty<ApiField>(),
    ];

    private static ApiField Describe(FileField field)
    {
        var meaning = FieldLabels.Label(field.Key) + (FieldLabels.Hint(field.Key) is { } hint ? ". " + hint : ".");
        if (field.Key == "online_url")
            meaning += " Ontbreekt bij een bijeenkomst met aanmelden via de site.";
        var values = field.Kind switch
        {
            FieldKind.Line => "tekst",
            FieldKind.Text => "tekst (Markdown)",
            FieldKind.Number => "geheel getal",
            FieldKind.YesNo => "ja of nee",
            FieldKind.Choice => string.Join(", ", field.Choices.SkipLast(1).Select(c => c.Code)) + " of " + field.Choices[^1].Code,
            FieldKind.Choices => "lijst met een of meer van " + string.Join(", ", field.Choices.SkipLast(1).Select(c => c.Code)) + " en " + field.Choices[^1].Code,
            FieldKind.Date => "datum, zoals 2024-05-01",
            FieldKind.Moment => MomentValues,
            FieldKind.Links => $"lijst van slugs ({field.Target?.PluralLabel().ToLowerInvariant()})",
            FieldKind.Link => $"slug van een {field.Target?.Label().ToLowerInvariant()}",
            _ => "tekst",
        };
        return new(field.Key, meaning, values);
    }
}
