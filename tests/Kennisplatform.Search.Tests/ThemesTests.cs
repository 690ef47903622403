using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;

namespace Kennisplatform.Search.Tests;

/// <summary>
/// The theme nearly all best hits share says what a query is about: among its matches, those of that theme rank a
/// little higher than those about another theme; a place asked for, or a theme fewer of them share, changes nothing.
/// </summary>
public sealed class ThemesTests : IDisposable
{
    private const string OtherTheme = "Buurtkamer als uitvalsbasis van de wijkagent";
    private const string SameTheme = "Een huiskamer in de flat";
    private readonly SearchIndex index = SearchIndex.InMemory(Lexicon.Shared);

    public ThemesTests()
    {
        for (var i = 1; i <= 4; i++)
            Add(i, $"Buurtkamer {i} tegen eenzaamheid", "Ouderen drinken er elke ochtend koffie.", "eenzaamheid");
        // Both say "buurtkamer" once, in the summary; the longer summary scores a little lower.
        Add(5, OtherTheme, "Een buurtkamer waar bewoners de wijkagent spreken.", "veiligheid");
        Add(6, SameTheme, "Bewoners die alleen wonen vinden elkaar in de buurtkamer op de begane grond van hun flat.", "eenzaamheid");
        for (var i = 0; i < 20; i++)
            Add(10 + i, $"Taalcafé {i}", "Nieuwkomers oefenen Nederlands.", "taal-en-integratie");
        index.Refresh();
    }

    public void Dispose() => index.Dispose();

    private void Add(int id, string title, string summary, string theme) =>
        index.Upsert(new SearchDocument
        {
            Id = id, Type = "praktijkvoorbeeld", Slug = $"item-{id}", Url = $"/x/item-{id}", Title = title, Summary = summary,
            Themes = [theme], Municipality = "Deventer", Published = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(id),
        });

    private List<string> Titles(string query, bool themes = true) =>
        new SearchService(index) { Themes = themes }.Search(new SearchRequest { Text = query }).Hits.Select(h => h.Title).ToList();

    [Fact]
    public void A_match_of_the_theme_nearly_all_best_hits_share_ranks_above_a_match_about_another_theme()
    {
        var without = Titles("buurtkamer", themes: false);
        Assert.True(without.IndexOf(OtherTheme) < without.IndexOf(SameTheme), string.Join(" | ", without));
        var with = Titles("buurtkamer");
        Assert.True(with.IndexOf(SameTheme) < with.IndexOf(OtherTheme), string.Join(" | ", with));
        Assert.Equal(without.Order(), with.Order());
    }

    [Fact]
    public void A_query_for_a_place_is_not_favoured_by_the_themes_of_its_best_hits() =>
        Assert.Equal(Titles("buurtkamer Deventer", themes: false), Titles("buurtkamer Deventer"));

    [Fact]
    public void A_theme_fewer_than_four_of_the_five_best_hits_share_favours_nothing()
    {
        index.Delete(1);
        index.Delete(2);
        index.Refresh();
        Assert.Equal(Titles("buurtkamer", themes: false), Titles("buurtkamer"));
    }
}
