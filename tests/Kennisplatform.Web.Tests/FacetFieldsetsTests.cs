using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;
using Kennisplatform.Testing;
using Kennisplatform.Web.Search;

namespace Kennisplatform.Web.Tests;

/// <summary>The filter checkboxes of the search page, written without Razor.</summary>
[Trait(TestEngine.Trait, TestEngine.NoDatabase)]
public sealed class FacetFieldsetsTests
{
    private static readonly FacetLabels Labels = new(new Dictionary<string, string> { ["thema:armoede"] = "Armoede & schulden" });

    private static AngleSharp.Html.Dom.IHtmlDocument Render(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> counted, IReadOnlyDictionary<string, IReadOnlyList<string>> selected)
    {
        using var writer = new StringWriter();
        new FacetFieldsets(counted, selected, Labels).WriteTo(writer, HtmlEncoder.Default);
        return new HtmlParser().ParseDocument("<form>" + writer + "</form>");
    }

    [Fact]
    public void Each_facet_lists_its_most_frequent_values_with_labels_counts_and_matching_label_for()
    {
        var municipalities = Enumerable.Range(1, 15).Select(i => new FacetValue($"Plaats {i}", 20 - i)).ToList();
        var page = Render(
            new Dictionary<string, IReadOnlyList<FacetValue>> { [SearchFields.Municipality] = municipalities, [SearchFields.Theme] = [new("armoede", 3)] },
            new Dictionary<string, IReadOnlyList<string>>());

        Assert.Equal(["Thema", "Gemeente"], page.QuerySelectorAll("fieldset.facet legend").Select(l => l.TextContent));
        var places = page.QuerySelectorAll("input[name=gemeente]");
        Assert.Equal(FacetFieldsets.ShownValues, places.Length);
        Assert.Equal("Plaats 1", places[0].GetAttribute("value"));
        Assert.All(page.QuerySelectorAll("input[type=checkbox]"), input =>
        {
            Assert.Null(input.GetAttribute("checked"));
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
        });
        Assert.Equal("Armoede & schulden (3)", page.QuerySelector("label[for='f-thema-0']")!.TextContent);
    }

    [Fact]
    public void Chosen_values_stay_checked_even_below_the_most_frequent_or_without_results()
    {
        var municipalities = Enumerable.Range(1, 15).Select(i => new FacetValue($"Plaats {i}", 20 - i)).ToList();
        var page = Render(
            new Dictionary<string, IReadOnlyList<FacetValue>> { [SearchFields.Municipality] = municipalities },
            new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Municipality] = ["Plaats 14", "Plaats 2"], [SearchFields.Outcome] = ["mislukt"] });

        Assert.Equal(["Plaats 2", "Plaats 14"], page.QuerySelectorAll("input[name=gemeente][checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal(FacetFieldsets.ShownValues + 1, page.QuerySelectorAll("input[name=gemeente]").Length);
        var outcome = Assert.Single(page.QuerySelectorAll("input[name=uitkomst]"));
        Assert.NotNull(outcome.GetAttribute("checked"));
        Assert.Contains("(0)", page.QuerySelector($"label[for='{outcome.Id}']")!.TextContent);
    }

    [Fact]
    public void Values_are_encoded()
    {
        var page = Render(
            new Dictionary<string, IReadOnlyList<FacetValue>> { [SearchFields.Neighbourhood] = [new("<script>\"x\"", 1)] },
            new Dictionary<string, IReadOnlyList<string>>());

        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Equal("<script>\"x\"", page.QuerySelector("input[name=wijk]")!.GetAttribute("value"));
    }
}
