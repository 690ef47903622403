using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Tests;

public class SlugRulesTests
{
    [Theory]
    [InlineData("Ideeën voor één wijk", "ideeen-voor-een-wijk")]
    [InlineData("Café 't Hoekje & de buurt", "cafe-t-hoekje-en-de-buurt")]
    [InlineData("  IJsselmonde: wat wérkte?  ", "ijsselmonde-wat-werkte")]
    [InlineData("Ĳzer en ß", "ijzer-en-ss")]
    [InlineData("(Nieuw) samenspel in de wijk", "nieuw-samenspel-in-de-wijk")]
    [InlineData("Wijkprofiel 2024/2025", "wijkprofiel-2024-2025")]
    [InlineData("!!!", "item")]
    public void Slug_from_Dutch_title(string title, string expected) =>
        Assert.Equal(expected, SlugRules.FromTitle(title));

    [Fact]
    public void Long_title_is_cut_at_a_word_boundary_within_the_limit()
    {
        var slug = SlugRules.FromTitle(string.Join(' ', Enumerable.Repeat("buurtkamer", 20)));
        Assert.True(slug.Length <= SlugRules.MaxLength);
        Assert.True(SlugRules.IsValid(slug));
    }

    [Fact]
    public void Taken_slug_gets_the_first_free_number()
    {
        var taken = new HashSet<string> { "buurtkamer", "buurtkamer-2" };
        Assert.Equal("buurtkamer-3", SlugRules.MakeUnique("buurtkamer", taken.Contains));
        Assert.Equal("taalcafe", SlugRules.MakeUnique("taalcafe", taken.Contains));
    }

    [Theory]
    [InlineData("buurt-kamer", true)]
    [InlineData("Buurtkamer", false)]
    [InlineData("buurt--kamer", false)]
    [InlineData("-buurt", false)]
    [InlineData("buurt kamer", false)]
    [InlineData("", false)]
    public void Slug_validity(string slug, bool valid) => Assert.Equal(valid, SlugRules.IsValid(slug));
}
