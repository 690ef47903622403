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
        ["type", "slug", "titel", "samenvatting", "url", "gepubliceerd", "themas", "principes", "faalpatronen", "uitkomst", "bewijs", "doelgroepen", "gemeente", "begint", "eindigt", "licentie", "verzonnen",
        "geprobeerd", "geprobeerd_geslaagd", "geprobeerd_deels", "geprobeerd_mislukt", "vervolgen", "laatste_vervolg"];

    /// <summary>A short list (a selection) as one file.</summary>
    public static byte[] Write(IEnumerable<ContentItem> items, Func<ContentItem, string> url)
    {
        var text = new StringBuilder(Line(Header));
        foreach (var item in items)
            text.Append(Row(item, url));
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Writes the header and one line per item to <paramref name="output"/> as the items arrive: any number of items.</summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<ContentItem> items, Func<ContentItem, string> url, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 32 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(Header));
        await foreach (var item in items.WithCancellation(cancellationToken))
            await writer.WriteAsync(Row(item, url));
        await writer.FlushAsync(cancellationToken);
    }

    private static string Row(ContentItem item, Func<ContentItem, string> url)
    {
        var facts = TypeDescriptors.Of(item.Kind).Facts(item);
        return Line(
        [
            item.Kind.Code(), item.Slug, item.Title, item.Summary, url(item),
            Moment(item.PublishedAt),
            string.Join(", ", item.Themes.Select(t => t.Slug)), string.Join(", ", item.Principles.Select(p => p.Slug)),
            string.Join(", ", facts.FailurePatterns.Select(p => p.Slug).Order(StringComparer.Ordinal)),
            facts.Outcome ?? "", facts.Evidence ?? "", string.Join(", ", facts.TargetGroups), facts.Municipality ?? "", Moment(facts.StartsAt), Moment(facts.EndsAt),
            item.License, item.IsFictional ? "ja" : "nee",
            .. TrialCells(item),
            .. FollowUpCells(item),
        ]);
    }

    /// <summary>How often others tried an intervention or a case, by result; empty for types that take no reports.</summary>
    private static string[] TrialCells(ContentItem item)
    {
        if (!Content.Trials.TrialReport.Types.Contains(item.Kind))
            return ["", "", "", ""];
        var count = Content.Trials.TrialCount.Of(item.TrialReports);
        return [.. new[] { count.Total, count.Succeeded, count.Partly, count.Failed }.Select(n => n.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>How many published follow-ups a case has, and the date of the latest.</summary>
    private static string[] FollowUpCells(ContentItem item)
    {
        var followUps = item is Content.Cases.Case c ? c.FollowUps.Where(f => f.IsPublic).ToList() : [];
        return followUps.Count == 0
            ? [item is Content.Cases.Case ? "0" : "", ""]
            : [followUps.Count.ToString(CultureInfo.InvariantCulture), followUps.Max(f => f.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
    }

    private static string Moment(DateTime? utc) => utc is { } moment ? DutchTime.Iso(moment) : "";

    private static string Line(IEnumerable<string> cells) => string.Join(';', cells.Select(Cell)) + "\r\n";

    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]))
            value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
