using System.Globalization;
using System.Text;
using Kennisplatform.Content.Model;
using Kennisplatform.Web.Site;

namespace Kennisplatform.Web.OpenData;

/// <summary>
/// CSV that Excel in Dutch opens as it should: UTF-8 with a byte-order mark, semicolons, CRLF, quotes doubled.
/// A cell that starts with = + - or @ gets a leading apostrophe, so no text can run as a formula.
/// </summary>
public static class Csv
{
    private static readonly string[] Header =
        ["type", "slug", "titel", "samenvatting", "url", "gepubliceerd", "themas", "principes", "uitkomst", "bewijs", "gemeente", "begint", "eindigt", "licentie", "verzonnen"];

    public static byte[] Write(IEnumerable<ContentItem> items, Func<ContentItem, string> url)
    {
        var text = new StringBuilder();
        Line(text, Header);
        foreach (var item in items)
        {
            var facts = TypeDescriptors.Of(item.Kind).Facts(item);
            Line(text,
            [
                item.Kind.Code(), item.Slug, item.Title, item.Summary, url(item),
                Moment(item.PublishedAt),
                string.Join(", ", item.Themes.Select(t => t.Slug)), string.Join(", ", item.Principles.Select(p => p.Slug)),
                facts.Outcome ?? "", facts.Evidence ?? "", facts.Municipality ?? "", Moment(facts.StartsAt), Moment(facts.EndsAt),
                item.License, item.IsFictional ? "ja" : "nee",
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Moment(DateTime? utc) => utc?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";

    private static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(';', cells.Select(Cell)).Append("\r\n");
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]))
            value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
