using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;

namespace Kennisplatform.Search.Tests;

public sealed class SearchServiceTests : IDisposable
{
    private readonly SearchIndex index = SearchIndex.InMemory(Lexicon.Shared);
    private readonly SearchService search;
    private int nextId = 1;

    public SearchServiceTests()
    {
        search = new SearchService(index);
        Add("Wijkschakelaars zichtbaar maken", "Hoe herken je mensen die verbinden?", type: "praktijkvoorbeeld", themes: ["sociale-samenhang"], outcome: "te-vroeg", municipality: "Amsterdam");
        Add("Bewonersinitiatieven in Noord", "Bewoners starten zelf projecten met een klein budget.", type: "praktijkvoorbeeld", outcome: "geslaagd", municipality: "Zwolle");
        Add("Taalcafé in de bibliotheek", "Nieuwkomers oefenen Nederlands met vrijwilligers.", type: "praktijkvoorbeeld", themes: ["taal"], outcome: "geslaagd", municipality: "Tilburg");
        Add("Buurtkamer tegen eenzaamheid", "Ouderen komen elke dag koffie drinken.", type: "praktijkvoorbeeld", themes: ["eenzaamheid"], outcome: "geslaagd", municipality: "Zwolle");
        Add("Digitaal spreekuur voor senioren", "Hulp bij de computer en de telefoon.", type: "interventie", themes: ["digitale-inclusie"], evidence: "goed-beschreven");
        Add("Jongerenraad zonder jongeren", "De raad stopte na een jaar, lessen over eigenaarschap.", type: "praktijkvoorbeeld", themes: ["jeugd"], outcome: "mislukt", municipality: "Almere");
        Add("Kinderen spelen in de speeltuin", "Ouders beheren de speeltuin samen.", type: "praktijkvoorbeeld", themes: ["jeugd"], outcome: "geslaagd", municipality: "Utrecht");
        Add("Uitwijken voor het verkeer", "Fietsers moeten uitwijken op de smalle dijk.", type: "pagina");
        Add("Centra voor jeugd en gezin", "De centra zijn open op werkdagen.", type: "pagina");
        index.Refresh();
    }

    public void Dispose() => index.Dispose();

    private void Add(string title, string summary, string type, string[]? themes = null, string? outcome = null, string? evidence = null, string? municipality = null, string body = "") =>
        index.Upsert(new SearchDocument
        {
            Id = nextId,
            Type = type,
            Slug = $"item-{nextId}",
            Url = $"/x/item-{nextId++}",
            Title = title,
            Summary = summary,
            Body = body,
            Themes = themes ?? [],
            Outcome = outcome,
            Evidence = evidence,
            Municipality = municipality,
            Published = new DateTime(2026, 1, nextId, 0, 0, 0, DateTimeKind.Utc),
        });

    private List<string> Titles(string query, Dictionary<string, IReadOnlyList<string>>? filters = null) =>
        search.Search(new SearchRequest { Text = query, Filters = filters ?? [] }).Hits.Select(h => h.Title).ToList();

    [Theory]
    [InlineData("schakelaar", "Wijkschakelaars zichtbaar maken")]
    [InlineData("wijkschakelaar", "Wijkschakelaars zichtbaar maken")]
    [InlineData("initiatief", "Bewonersinitiatieven in Noord")]
    [InlineData("bewonersinitiatief", "Bewonersinitiatieven in Noord")]
    [InlineData("taalcafe", "Taalcafé in de bibliotheek")]
    [InlineData("cafés", "Taalcafé in de bibliotheek")]
    [InlineData("ouderen digitaal", "Digitaal spreekuur voor senioren")]
    [InlineData("kind", "Kinderen spelen in de speeltuin")]
    [InlineData("centrum", "Centra voor jeugd en gezin")]
    [InlineData("eenzaam", "Buurtkamer tegen eenzaamheid")]
    public void Dutch_forms_compounds_and_synonyms_find_the_item_first(string query, string expected) =>
        Assert.Equal(expected, Titles(query).FirstOrDefault());

    [Fact]
    public void Wijk_does_not_match_uitwijken() =>
        Assert.DoesNotContain("Uitwijken voor het verkeer", Titles("wijk"));

    [Fact]
    public void Ouderen_does_not_match_ouders() =>
        Assert.DoesNotContain("Kinderen spelen in de speeltuin", Titles("ouderen"));

    // Groups from content/search/synoniemen.txt: the word typed is not in the text, only its equivalent is.
    [Theory]
    [InlineData("hennepkwekerij", "Wietplantage in een portiekflat opgerold")]
    [InlineData("kangoeroewoningen", "Mantelzorgwoning in de achtertuin")]
    [InlineData("stoeptuin", "Geveltuinen in de Transvaalbuurt")]
    public void Word_people_type_finds_the_equivalent_the_text_uses(string query, string expected)
    {
        Add("Wietplantage in een portiekflat opgerold", "Buren roken de lucht en belden de wijkagent.", type: "praktijkvoorbeeld");
        Add("Mantelzorgwoning in de achtertuin", "Een moeder woont vlak bij haar dochter die voor haar zorgt.", type: "praktijkvoorbeeld");
        Add("Geveltuinen in de Transvaalbuurt", "Bewoners haalden tegels weg en plantten langs de gevel.", type: "praktijkvoorbeeld");
        index.Refresh();
        Assert.Equal(expected, Titles(query).FirstOrDefault());
    }

    [Fact]
    public void Rare_compound_meets_its_short_head_inside_other_compounds_only()
    {
        Add("Voedselbank met vrijwilligers", "Pakketten voor gezinnen met weinig geld.", type: "praktijkvoorbeeld");
        Add("Kledingbank in de wijk", "Tweedehands kleding voor wie het nodig heeft.", type: "praktijkvoorbeeld");
        Add("Een bank in het park", "Ouderen zitten graag in de zon.", type: "pagina");
        index.Refresh();
        var titles = Titles("voedselbank");
        Assert.Equal(["Voedselbank met vrijwilligers", "Kledingbank in de wijk"], titles.Take(2));
        Assert.DoesNotContain("Een bank in het park", titles);
    }

    [Fact]
    public void Person_noun_finds_the_person_above_the_activity()
    {
        Add("Opbouwwerk in de nieuwbouwwijk", "Wat opbouwwerk doet waar alles nieuw is.", type: "praktijkvoorbeeld");
        Add("Mehmet, opbouwwerker in Transvaal", "Mehmet helpt bewonersgroepen hun plannen waar te maken.", type: "wijkschakelaar");
        index.Refresh();
        Assert.Equal(["Mehmet, opbouwwerker in Transvaal", "Opbouwwerk in de nieuwbouwwijk"], Titles("opbouwwerker").Take(2));
        // The activity typed still finds the work first: only a person noun asks for the person.
        Assert.Equal("Opbouwwerk in de nieuwbouwwijk", Titles("opbouwwerk").FirstOrDefault());
    }

    [Fact]
    public void Rare_compound_with_a_rare_short_modifier_meets_the_modifiers_other_words()
    {
        Add("Valpreventie voor thuiswonende ouderen", "Een programma met oefeningen en voorlichting.", type: "interventie");
        Add("Oefengroep tegen vallen", "Ouderen trainen kracht en balans in het buurthuis.", type: "praktijkvoorbeeld");
        Add("Een test vooraf", "De huisarts meet het valrisico.", type: "pagina");
        Add("Valentijnsdag in de buurt", "Bloemen voor de buren.", type: "pagina");
        index.Refresh();
        var titles = Titles("valpreventie");
        Assert.Equal("Valpreventie voor thuiswonende ouderen", titles[0]);
        Assert.Equal(["Een test vooraf", "Oefengroep tegen vallen"], titles.Skip(1).Take(2).Order());
        Assert.DoesNotContain("Valentijnsdag in de buurt", titles);
    }

    [Fact]
    public void Rare_compound_with_a_common_short_modifier_is_not_broadened()
    {
        for (var i = 0; i < 11; i++)
            Add($"Wijkteam {i}", "Het team helpt bewoners.", type: "pagina");
        index.Refresh();
        Assert.DoesNotContain(Titles("wijkschakelaars"), t => t.StartsWith("Wijkteam", StringComparison.Ordinal));
    }

    [Fact]
    public void Keywords_typed_together_rank_an_item_with_both_above_one_that_repeats_one()
    {
        Add("Eenzaamheid bespreekbaar maken", "Praten over eenzaamheid helpt tegen eenzaamheid.", type: "pagina",
            body: "Eenzaamheid komt in elke wijk voor. Wie eenzaamheid herkent, kan iemand op weg helpen.");
        Add("Bezoekdienst in Oost", "Vrijwilligers bezoeken ouderen.", type: "praktijkvoorbeeld", body: "Wie alleen woont, vertelt over eenzaamheid.");
        index.Refresh();
        var titles = Titles("eenzaamheid ouderen");
        var both = titles.IndexOf("Bezoekdienst in Oost");
        Assert.True(both >= 0 && both < titles.IndexOf("Eenzaamheid bespreekbaar maken"), string.Join(" / ", titles));
    }

    [Fact]
    public void Typo_is_corrected_and_the_corrected_results_are_shown()
    {
        var results = search.Search(new SearchRequest { Text = "eenzaamhied" });
        Assert.Equal("eenzaamheid", results.Suggestion);
        Assert.Equal("eenzaamheid", results.SearchedInstead);
        Assert.Equal("Buurtkamer tegen eenzaamheid", results.Hits[0].Title);
    }

    [Fact]
    public void Known_words_are_not_corrected()
    {
        var results = search.Search(new SearchRequest { Text = "schakelaar" });
        Assert.Null(results.Suggestion);
    }

    [Fact]
    public void Phrase_and_exclusion()
    {
        Assert.Equal(["Buurtkamer tegen eenzaamheid"], Titles("\"koffie drinken\""));
        Assert.Empty(Titles("\"drinken koffie\""));
        Assert.DoesNotContain("Jongerenraad zonder jongeren", Titles("jongeren -raad"));
        Assert.Equal("Jongerenraad zonder jongeren", Titles("jeugd").First()); // synonym of jongeren
    }

    [Fact]
    public void Facets_are_counted_in_the_same_pass_and_filters_narrow_the_hits()
    {
        var all = search.Search(new SearchRequest { Text = "" });
        Assert.Equal(9, all.Total);
        Assert.Contains(new FacetValue("praktijkvoorbeeld", 6), all.Facets[SearchFields.Type]);
        Assert.Contains(new FacetValue("Zwolle", 2), all.Facets[SearchFields.Municipality]);

        var zwolle = search.Search(new SearchRequest { Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Municipality] = ["Zwolle"] } });
        Assert.Equal(2, zwolle.Total);
        Assert.Equal([new FacetValue("geslaagd", 2)], zwolle.Facets[SearchFields.Outcome]);

        var twoValues = Titles("", new() { [SearchFields.Outcome] = ["mislukt", "te-vroeg"] });
        Assert.Equal(2, twoValues.Count);
    }

    [Fact]
    public void Snippet_marks_the_matched_words_and_is_html_safe()
    {
        Add("<script>alert(1)</script> Buurtsport", "Sporten in de buurt & op het plein <b>nu</b>.", type: "pagina");
        index.Refresh();
        var hit = search.Search(new SearchRequest { Text = "sporten" }).Hits.Single();
        Assert.Contains("<mark>Sporten</mark>", hit.SnippetHtml);
        Assert.Contains("&amp;", hit.SnippetHtml);
        Assert.DoesNotContain("<b>", hit.SnippetHtml);

        var compound = search.Search(new SearchRequest { Text = "schakelaar" }).Hits[0];
        Assert.Equal("Wijkschakelaars zichtbaar maken", compound.Title);
    }

    [Fact]
    public void Snippet_picks_the_passage_with_the_matches()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Dit is tekst zonder betekenis voor de zoekvraag.", 30));
        Add("Lang verhaal", "Samenvatting", type: "pagina", body: filler + " Hier staat het woord moestuin precies. " + filler);
        index.Refresh();
        // The shared items' "speeltuin" meets the rare "moestuin" through its head, below it.
        var hit = search.Search(new SearchRequest { Text = "moestuin" }).Hits[0];
        Assert.Equal("Lang verhaal", hit.Title);
        Assert.Contains("<mark>moestuin</mark>", hit.SnippetHtml);
        Assert.StartsWith("… ", hit.SnippetHtml);
        Assert.True(hit.SnippetHtml.Length < 400);
    }

    [Fact]
    public void Every_hit_of_a_page_gets_its_own_snippet_whichever_segment_holds_it()
    {
        // Each refresh writes a new segment; the last item ranks first (title match) though it is in the last segment.
        var bodies = new Dictionary<string, string>
        {
            ["Zaaien"] = "Bewoners zaaien in de moestuin van blok A.",
            ["Oogsten"] = "Bewoners oogsten in de moestuin van blok B.",
            ["Moestuin"] = "Bewoners wieden in de moestuin van blok C.",
        };
        foreach (var (title, body) in bodies)
        {
            Add(title, "Een verhaal", type: "pagina", body: body);
            index.Refresh();
        }

        // Below them, the shared items' "speeltuin" meets the rare "moestuin" through its head.
        var hits = search.Search(new SearchRequest { Text = "moestuin" }).Hits.Take(3).ToList();

        Assert.True(SegmentCount() > 2);
        Assert.Equal(3, hits.Count);
        Assert.Equal("Moestuin", hits[0].Title);
        Assert.All(hits, hit => Assert.Equal(bodies[hit.Title].Replace("moestuin", "<mark>moestuin</mark>"), hit.SnippetHtml));
    }

    private int SegmentCount()
    {
        var searcher = index.Searchers.Acquire();
        try { return searcher.IndexReader.Leaves.Count; }
        finally { index.Searchers.Release(searcher); }
    }

    [Fact]
    public void Sort_by_date_and_paging()
    {
        var newest = search.Search(new SearchRequest { Text = "", Sort = SearchSort.Newest, PageSize = 4, Page = 2 });
        Assert.Equal(9, newest.Total);
        Assert.Equal(3, newest.PageCount);
        Assert.Equal(4, newest.Hits.Count);
        Assert.True(newest.Hits.Zip(newest.Hits.Skip(1)).All(p => p.First.Published >= p.Second.Published));
    }

    [Fact]
    public void Update_and_delete_are_visible_after_refresh()
    {
        index.Upsert(new SearchDocument { Id = 1, Type = "praktijkvoorbeeld", Slug = "item-1", Url = "/x", Title = "Verbinders in de wijk" });
        index.Refresh();
        Assert.Single(Titles("verbinders"));
        index.Delete(1);
        index.Refresh();
        Assert.Empty(Titles("verbinders"));
    }

    [Fact]
    public void Completion_offers_titles_and_vocabulary()
    {
        var completions = search.Complete("taalc");
        Assert.Contains(completions, c => c.Text == "Taalcafé in de bibliotheek" && c.Url == "/x/item-3");
        Assert.Contains(completions, c => c.Text == "taalcafe" && c.Url is null);
        Assert.Empty(search.Complete(""));
    }

    [Fact]
    public void More_like_this_finds_related_items_and_not_itself()
    {
        Add("Tweede buurtkamer tegen eenzaamheid", "Ouderen drinken koffie in de buurtkamer.", type: "praktijkvoorbeeld");
        index.Refresh();
        var related = search.MoreLikeThis(4);
        Assert.Equal("Tweede buurtkamer tegen eenzaamheid", related.First().Title);
        Assert.DoesNotContain(related, h => h.Id == 4);
    }

    [Theory]
    [InlineData("AND (")]
    [InlineData("\"x")]
    [InlineData("*")]
    [InlineData("?x")]
    [InlineData("title:")]
    [InlineData("[a TO")]
    [InlineData("/(/j")]
    [InlineData("-")]
    [InlineData("\"\"")]
    [InlineData("NOT OR AND")]
    [InlineData("~~~ ^^^ \\\\")]
    [InlineData("de het een")]
    [InlineData("\u0000\uffff\ud83d\ude00")]
    public void Hostile_input_finds_what_its_plain_words_find(string query)
    {
        var results = search.Search(new SearchRequest { Text = query, Correct = false });
        // Syntax characters are plain text: the query finds exactly what its letters and digits alone find.
        var words = new string(query.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray());
        var plain = search.Search(new SearchRequest { Text = words, Correct = false });
        Assert.Equal(plain.Hits.Select(h => h.Id), results.Hits.Select(h => h.Id));
        Assert.Equal(plain.Total, results.Total);
        Assert.Equal(Math.Min(results.Total, results.PageSize), results.Hits.Count);
    }

    [Fact]
    public void Repeated_words_count_once() =>
        Assert.Equal(["wijk", "samenhang"], UserQuery.Parse("wijk samenhang Wijk wijk").Select(p => p.Text));

    [Fact]
    public void Very_long_input_is_cut_not_refused()
    {
        var text = ("eenzaamheid ouderen " + string.Join(' ', Enumerable.Range(0, 2000).Select(i => $"woord{i}")))[..10_000];
        Assert.Equal(10_000, text.Length);
        Assert.NotEmpty(search.Search(new SearchRequest { Text = text }).Hits);
        Assert.Equal(UserQuery.MaxParts, UserQuery.Parse(text).Count);
    }
}
