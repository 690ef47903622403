using System.Globalization;

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
}
