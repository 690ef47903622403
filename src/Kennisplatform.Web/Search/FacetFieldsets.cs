using System.Globalization;
using System.Text.Encodings.Web;
using Kennisplatform.Search.Querying;
using Microsoft.AspNetCore.Html;

namespace Kennisplatform.Web.Search;

/// <summary>
/// The filter checkboxes of the search page: a fieldset per facet with its most frequent values and their counts, the
/// chosen values always among them. Written straight to the response as one piece: in Razor every attribute of every
/// checkbox was its own buffered, encoded write, and with up to twelve values for each of nine facets that was the
/// largest part of rendering a results page (issue 14, docs/benchmarks.md).
/// </summary>
public sealed class FacetFieldsets(
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> counted,
    IReadOnlyDictionary<string, IReadOnlyList<string>> selected,
    FacetLabels labels) : IHtmlContent
{
    /// <summary>The most frequent values shown per facet; chosen values are shown besides them.</summary>
    public const int ShownValues = 12;

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        foreach (var (field, (name, key)) in FacetLabels.Facets)
        {
            var values = counted.GetValueOrDefault(field) ?? [];
            var chosen = selected.GetValueOrDefault(field) ?? [];
            // Chosen values stay visible even when the current results have none of them.
            var shown = values.Take(ShownValues).ToList();
            shown.AddRange(values.Skip(ShownValues).Where(v => chosen.Contains(v.Value)));
            shown.AddRange(chosen.Where(c => values.All(v => v.Value != c)).Select(c => new FacetValue(c, 0)));
            if (shown.Count == 0)
                continue;
            writer.Write("<fieldset class=\"facet\"><legend>");
            encoder.Encode(writer, name);
            writer.Write("</legend><ul>");
            for (var index = 0; index < shown.Count; index++)
            {
                var value = shown[index];
                // The key is one of ours (letters only), so the id needs no encoding. The checkbox is styled by
                // `.facet input` in site.css rather than a class on each of up to a hundred boxes.
                var id = "f-" + key + "-" + index.ToString(CultureInfo.InvariantCulture);
                writer.Write("<li><input type=\"checkbox\" id=\"");
                writer.Write(id);
                writer.Write("\" name=\"");
                writer.Write(key);
                writer.Write("\" value=\"");
                encoder.Encode(writer, value.Value);
                writer.Write(chosen.Contains(value.Value) ? "\" checked> <label for=\"" : "\"> <label for=\"");
                writer.Write(id);
                writer.Write("\">");
                encoder.Encode(writer, labels.Label(field, value.Value));
                writer.Write(" <span class=\"facet__count\">(");
                writer.Write(value.Count.ToString(CultureInfo.InvariantCulture));
                writer.Write(")</span></label></li>\n");
            }
            writer.Write("</ul></fieldset>\n");
        }
    }
}
