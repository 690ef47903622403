using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Kennisplatform.Web.Site;

/// <summary>
/// The breadcrumb trail above a page: Home, then each step with its link, the last one the current page. Written as
/// one piece rather than as a partial view, which every page paid a view lookup and a buffered render for.
/// </summary>
public sealed class Breadcrumbs(string home, IReadOnlyList<(string Label, string? Href)> steps) : IHtmlContent
{
    public static Breadcrumbs Of(HttpContext context, IReadOnlyList<(string Label, string? Href)> steps) =>
        new(context.RequestServices.GetRequiredService<PageLinks>().Page(context, "/Index"), steps);

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        writer.Write("<nav class=\"utrecht-breadcrumb-nav breadcrumbs\" aria-label=\"Kruimelpad\">\n    <ol class=\"utrecht-breadcrumb-nav__list\">\n");
        writer.Write("        <li class=\"utrecht-breadcrumb-nav__item\"><a class=\"utrecht-breadcrumb-nav__link utrecht-link\" href=\"");
        encoder.Encode(writer, home);
        writer.Write("\">Home</a></li>\n");
        foreach (var (label, href) in steps)
        {
            if (href is null)
            {
                writer.Write("        <li class=\"utrecht-breadcrumb-nav__item\"><span class=\"utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current\" aria-current=\"page\">");
                encoder.Encode(writer, label);
                writer.Write("</span></li>\n");
            }
            else
            {
                writer.Write("        <li class=\"utrecht-breadcrumb-nav__item\"><a class=\"utrecht-breadcrumb-nav__link utrecht-link\" href=\"");
                encoder.Encode(writer, href);
                writer.Write("\">");
                encoder.Encode(writer, label);
                writer.Write("</a></li>\n");
            }
        }
        writer.Write("    </ol>\n</nav>\n");
    }
}
