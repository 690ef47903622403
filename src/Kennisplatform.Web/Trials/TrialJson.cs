using System.Text.Json.Nodes;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Trials;
using Kennisplatform.Web.OpenData;

namespace Kennisplatform.Web.Trials;

/// <summary>
/// Approved "ook geprobeerd" reports as open data: the counts and each report, never who sent it. Written by
/// <see cref="ContentJson"/> and described by <see cref="ApiFields"/> from the same text.
/// </summary>
public static class TrialJson
{
    public const string Key = "tried";

    public static readonly ApiField Field = new(Key,
        "Ervaringen van professionals en bewoners die het ook probeerden (na controle door de redactie); geen bewijs. "
        + "count: total, succeeded, partly en failed; reports (nieuwste eerst): id, municipality, neighbourhood, when, result, reason, published, fictional. "
        + "Nooit wie de ervaring stuurde. In een lijst staat alleen count.",
        "object; when is een jaar (2024) of jaar en maand (2024-05), result is geslaagd, deels of mislukt");

    /// <summary>Only the counts, for an item in a list: how often it was tried and how it went.</summary>
    public static JsonObject WriteCount(ContentItem item) => new() { ["count"] = Count(TrialCount.Of(item.TrialReports)) };

    public static JsonObject Write(ContentItem item)
    {
        var reports = item.TrialReports.Where(r => r.IsPublic).OrderByDescending(r => r.Year).ThenByDescending(r => r.Month ?? 0).ThenBy(r => r.Id).ToList();
        return new JsonObject
        {
            ["count"] = Count(TrialCount.Of(reports)),
            ["reports"] = new JsonArray(reports.Select(r => (JsonNode?)new JsonObject
            {
                ["id"] = r.Id,
                ["municipality"] = r.Municipality,
                ["neighbourhood"] = r.Neighbourhood.Length > 0 ? r.Neighbourhood : null,
                ["when"] = r.When,
                ["result"] = r.Result.Code(),
                ["reason"] = r.Reason,
                ["published"] = r.PublishedAt is { } published ? DutchTime.Iso(published) : null,
                ["fictional"] = r.IsFictional,
            }).ToArray()),
        };
    }

    private static JsonObject Count(TrialCount count) =>
        new() { ["total"] = count.Total, ["succeeded"] = count.Succeeded, ["partly"] = count.Partly, ["failed"] = count.Failed };
}
