using Kennisplatform.Content.Rendering;

namespace Kennisplatform.Content.Tests;

public class RenderingTests
{
    [Fact]
    public void Shortened_text_never_ends_in_half_an_emoji_and_prefers_a_space()
    {
        Assert.Equal("kort", ShortText.Cut("kort", 10));
        var emoji = new string('a', 9) + "😀" + "bbb"; // the emoji's two halves are characters 10 and 11
        var cut = ShortText.Cut(emoji, 10);
        Assert.Equal(new string('a', 9) + "…", cut);
        Assert.DoesNotContain(cut, char.IsSurrogate);
        Assert.Equal("Een moestuin tussen de…", ShortText.Cut("Een moestuin tussen de flats van Zwolle", 25));
    }

    [Fact]
    public void Markdown_inside_a_section_starts_its_headings_at_the_level_asked_and_keeps_their_order()
    {
        var renderer = new MarkdownRenderer();
        var html = renderer.ToHtml("## Wat er gebeurde\n\nTekst.\n\n### Daarna\n\nMeer.", topHeading: 4);
        Assert.Contains("<h4", html);
        Assert.Contains("<h5", html);
        Assert.DoesNotContain("<h2", html);
        Assert.DoesNotContain("<h3", html);
        Assert.Contains("<h4", renderer.ToHtml("# Kop", topHeading: 4));
        Assert.Equal("", renderer.ToHtml("  ", topHeading: 4));
        Assert.DoesNotContain("<script", renderer.ToHtml("## Kop\n\n<script>alert(1)</script>", topHeading: 4));
    }
}
