using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kennisplatform.Web.Api;

/// <summary>Query-string checks shared by the JSON endpoints; problems are collected in Dutch for one ProblemDetails.</summary>
public static class QueryParameters
{
    public static int Integer(IQueryCollection query, string key, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        var text = query[key].ToString();
        if (text.Length == 0)
            return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[key] = [$"'{key}' moet een heel getal van {min} tot en met {max} zijn."];
        return fallback;
    }

    /// <summary>A parameter this endpoint does not know is an error, never silently ignored (a typo would otherwise filter nothing).</summary>
    public static void RejectUnknown(IQueryCollection query, IReadOnlyCollection<string> known, Dictionary<string, string[]> errors)
    {
        foreach (var key in query.Keys.Where(k => !known.Contains(k)))
        {
            var name = key.Length > 40 ? key[..40] + "…" : key;
            errors[name] = [known.Count == 0
                ? $"Onbekende parameter '{name}': deze vraag heeft geen parameters."
                : $"Onbekende parameter '{name}'. Deze vraag kent: {string.Join(", ", known)}."];
        }
    }

    /// <summary>One value of <paramref name="key"/>, checked by <paramref name="isKnown"/>; a wrong one is reported with <paramref name="allowed"/>.</summary>
    public static string? Choice(IQueryCollection query, string key, Func<string, bool> isKnown, string allowed, Dictionary<string, string[]> errors)
    {
        var values = query[key];
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
            return null;
        if (values.Count > 1)
            errors[key] = [$"Geef '{key}' één keer mee."];
        else if (!isKnown(values[0]!))
            errors[key] = [$"'{key}' kent de waarde '{(values[0]!.Length > 40 ? values[0]![..40] + "…" : values[0])}' niet. Kies {allowed}."];
        else
            return values[0];
        return null;
    }

    public static ProblemHttpResult Problem(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Title = "Ongeldige parameters.",
            Detail = "Pas de genoemde parameters aan en probeer het opnieuw.",
            Status = StatusCodes.Status400BadRequest,
        });
}
