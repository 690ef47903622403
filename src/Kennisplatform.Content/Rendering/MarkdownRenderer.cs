using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Kennisplatform.Content.Rendering;

/// <summary>Markdown to HTML that is safe to show: Markdig renders, HtmlSanitizer removes anything that could run.</summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseListExtras()
        .UseEmphasisExtras()
        .UseAutoIdentifiers()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return "";
        return sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));
    }

    /// <summary>
    /// Markdown shown inside a section whose own heading has level <paramref name="topHeading"/> - 1: its "# Kop"
    /// becomes that level, and deeper headings follow, so the page's heading order stays whole.
    /// </summary>
    public string ToHtml(string? markdown, int topHeading)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topHeading, 2);
        if (string.IsNullOrWhiteSpace(markdown))
            return "";
        var document = Markdown.Parse(markdown, pipeline);
        var top = document.Descendants<HeadingBlock>().Select(h => h.Level).DefaultIfEmpty(1).Min();
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Min(6, heading.Level - top + topHeading);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return sanitizer.Sanitize(writer.ToString());
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["https", "http", "mailto", "tel"]);
        sanitizer.AllowedAttributes.Add("id");
        // Headings in a body sit below the page's own h1: a body's "# Kop" must not become a second h1.
        sanitizer.AllowedTags.Remove("h1");
        // Forms in a body could post anywhere or imitate our own forms.
        foreach (var tag in new[] { "form", "input", "button", "textarea", "select", "option", "optgroup", "fieldset", "label", "legend" })
            sanitizer.AllowedTags.Remove(tag);
        sanitizer.KeepChildNodes = true;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor && anchor.GetAttribute("href") is { } href
                && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
                anchor.SetAttribute("rel", "noopener noreferrer");
        };
        return sanitizer;
    }
}
