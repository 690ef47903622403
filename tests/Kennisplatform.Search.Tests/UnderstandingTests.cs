using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;

namespace Kennisplatform.Search.Tests;

/// <summary>The examples of issue 14, each as it must behave: word forms by data, intent, corrections, snippets, paging.</summary>
public sealed class UnderstandingTests : IDisposable
{
    private readonly SearchIndex index = SearchIndex.InMemory(Lexicon.Shared);
    private readonly SearchService search;
    private int nextId = 1;

    public UnderstandingTests()
    {
        search = new SearchService(index);
        Add("Steun voor mantelzorgers in de wijk", "Mantelzorgers krijgen een vast aanspreekpunt.", "praktijkvoorbeeld", outcome: "geslaagd", municipality: "Zwolle");
        Add("Buurtpreventie met een appgroep", "Buren waarschuwen elkaar bij inbraken.", "praktijkvoorbeeld", outcome: "geslaagd", municipality: "Hoorn");
        Add("Preventie van schulden", "Vroeg signaleren voorkomt problemen.", "interventie");
        Add("Priya, opbouwwerker", "Ze verbindt bewoners en de gemeente.", "wijkschakelaar", municipality: "Utrecht");
        Add("Buurtbudget in Moerwijk", "Bewoners verdeelden zelf het geld.", "praktijkvoorbeeld", outcome: "geslaagd", municipality: "Den Haag");
        Add("Inloop voor verward gedrag", "Buren met verward gedrag vinden een plek.", "praktijkvoorbeeld", outcome: "deels", municipality: "Utrecht",
            lessons: "De politie bleef te lang op afstand.");
        Add("Jongerenraad die stopte", "De raad hield op na een jaar.", "praktijkvoorbeeld", outcome: "mislukt", municipality: "Almere",
            body: "De gemeente vroeg veel.\n\nHoe je jongeren betrekt, leerden we te laat.", lessons: "Wat werkte niet: vergaderen op het stadhuis.");
        Add("Toegankelijkheid", "Deze site werkt niet met alle oude browsers; wat werkte niet meldt u ons.", "pagina");
        Add("Bewoners initiatief in Noord", "Een initiatief van bewoners voor de straat.", "praktijkvoorbeeld", outcome: "geslaagd", municipality: "Amsterdam", neighbourhood: "Noord", fictional: true);
        Add("Wijkschakelaars in Zuidoost", "Een wijkschakelaar verbindt.", "praktijkvoorbeeld", outcome: "te-vroeg", municipality: "Amsterdam", neighbourhood: "Zuidoost");
        Add("Webinar over eenzaamheid", "Online bijeenkomst over eenzaamheid.", "bijeenkomst", municipality: "Utrecht");
        Add("Eenzaamheid onder ouderen", "Ouderen komen koffie drinken.", "praktijkvoorbeeld", outcome: "geslaagd", municipality: "Zwolle");
        Add("Uitwijken voor het verkeer", "Fietsers moeten uitwijken op de dijk.", "pagina");
        Add("Ouders in de school", "Ouders helpen op het schoolplein.", "praktijkvoorbeeld", outcome: "geslaagd");
        index.Refresh();
    }

    public void Dispose() => index.Dispose();

    private void Add(string title, string summary, string type, string? outcome = null, string? municipality = null, string? neighbourhood = null,
        string body = "", string lessons = "", bool fictional = false) =>
        index.Upsert(new SearchDocument
        {
            Id = nextId, Type = type, Slug = $"item-{nextId}", Url = $"/x/item-{nextId++}", Title = title, Summary = summary, Body = body,
            Lessons = lessons, Outcome = outcome, Municipality = municipality, Neighbourhood = neighbourhood, Fictional = fictional,
            Tags = string.Join(", ", new[] { outcome, municipality, neighbourhood }.Where(t => t is not null)),
            Published = new DateTime(2026, 1, nextId, 0, 0, 0, DateTimeKind.Utc),
        });

    private SearchResults Find(string query, bool literal = false) => search.Search(new SearchRequest { Text = query, Literal = literal });

    private List<string> Titles(string query) => Find(query).Hits.Select(h => h.Title).ToList();

    [Fact]
    public void Activity_finds_the_people_who_do_it() =>
        Assert.Equal("Steun voor mantelzorgers in de wijk", Titles("mantelzorg").FirstOrDefault());

    [Fact]
    public void Person_noun_finds_the_activity_and_back() =>
        Assert.Equal("Priya, opbouwwerker", Titles("opbouwwerk").FirstOrDefault());

    [Fact]
    public void Head_of_a_compound_finds_the_compound_ranked_below_the_word_itself()
    {
        var titles = Titles("preventie");
        Assert.Equal("Preventie van schulden", titles[0]);
        Assert.Contains("Buurtpreventie met een appgroep", titles);
    }

    [Fact]
    public void Compounds_are_split_by_the_Dutch_word_list_at_hyphenation_points()
    {
        var parts = Lexicon.Shared.Decompounder;
        Assert.Equal(["buurt", "preventie"], parts.Parts("buurtpreventie"));
        Assert.Equal(["ontmoeting", "centrum"], parts.Parts("ontmoetingscentrum"));
        Assert.Empty(parts.Parts("uitwijken"));
        Assert.Empty(parts.Parts("eenzaamheid"));
        Assert.Empty(parts.Parts("gemeente"));
    }

    [Fact]
    public void A_modifier_of_three_letters_is_split_off_only_on_request()
    {
        var parts = Lexicon.Shared.Decompounder;
        Assert.Empty(parts.Parts("valpreventie"));
        Assert.Equal(("val", "preventie"), parts.ShortSplit("valpreventie"));
        Assert.Null(parts.ShortSplit("uitwijken"));
        Assert.Null(parts.ShortSplit("buurtpreventie"));
    }

    [Fact]
    public void Split_and_joined_forms_meet()
    {
        Assert.Equal("Bewoners initiatief in Noord", Titles("bewonersinitiatief").FirstOrDefault());
        Add("Bewonersinitiatief bloeit", "Een bewonersinitiatief in de straat.", "praktijkvoorbeeld");
        index.Refresh();
        Assert.Contains("Bewonersinitiatief bloeit", Titles("bewoners initiatief"));
    }

    [Fact]
    public void Precision_stays_wijk_is_not_uitwijken_and_ouderen_are_not_ouders()
    {
        Assert.DoesNotContain("Uitwijken voor het verkeer", Titles("wijk"));
        Assert.DoesNotContain("Ouders in de school", Titles("ouderen"));
    }

    [Fact]
    public void A_real_word_is_never_corrected_even_when_no_item_has_it()
    {
        var results = Find("verward gedrag");
        Assert.Null(results.SearchedInstead);
        Assert.Equal("Inloop voor verward gedrag", results.Hits[0].Title);
        Assert.DoesNotContain(results.Hits, h => h.Title.Contains("Buurtbudget"));
        Assert.Null(Find("gedrag zonder woorden").SearchedInstead);
    }

    [Fact]
    public void A_typo_inside_a_compound_is_corrected_as_the_whole_word()
    {
        var results = Find("wijkschakellaar");
        Assert.Equal("wijkschakelaar", results.SearchedInstead);
        Assert.Equal("Wijkschakelaars in Zuidoost", results.Hits[0].Title);
        Assert.Null(Find("wijkschakellaar", literal: true).SearchedInstead);
    }

    [Fact]
    public void Failure_words_favour_failed_cases_and_do_not_pull_in_texts_that_contain_them()
    {
        var results = Find("wat werkte niet");
        Assert.True(results.Understood.Failures);
        Assert.Equal(["Jongerenraad die stopte", "Inloop voor verward gedrag"], results.Hits.Take(2).Select(h => h.Title));
        var literal = Find("wat werkte niet", literal: true);
        Assert.False(literal.Understood.Failures);
    }

    [Theory]
    [InlineData("wat ging er mis bij de jongerenraad")]
    [InlineData("jongerenraad vastgelopen")]
    [InlineData("jongerenraad liep vast")]
    [InlineData("jongerenraad stilgevallen")]
    [InlineData("jongerenraad afgeblazen")]
    public void Other_ways_professionals_say_failed_ask_for_failures(string query)
    {
        var results = Find(query);
        Assert.True(results.Understood.Failures);
        Assert.Equal(["jongerenraad"], results.Understood.Words.Select(w => w.Text));
        Assert.Equal("Jongerenraad die stopte", results.Hits[0].Title);
    }

    [Fact]
    public void Failure_words_with_a_topic_rank_failed_cases_on_that_topic_first()
    {
        var results = Find("mislukte jongerenraad");
        Assert.Equal("Jongerenraad die stopte", results.Hits[0].Title);
        Assert.Equal(["jongerenraad"], results.Understood.Words.Select(w => w.Text));
    }

    [Fact]
    public void Type_words_favour_that_type()
    {
        var results = Find("webinar eenzaamheid");
        Assert.Equal(["bijeenkomst"], results.Understood.Types);
        Assert.Equal("Webinar over eenzaamheid", results.Hits[0].Title);
        Assert.Equal("bijeenkomst", Find("bijeenkomst eenzaamheid").Hits[0].Type);
    }

    [Fact]
    public void Cases_and_interventions_rank_a_little_above_other_types_that_say_the_same()
    {
        // The same words in an event (added first, so it would win a tie) and in a case and an intervention.
        Add("Buurtmoestuin", "Samen groente kweken in de buurtmoestuin.", "bijeenkomst");
        Add("Buurtmoestuin", "Samen groente kweken in de buurtmoestuin.", "praktijkvoorbeeld", outcome: "geslaagd");
        Add("Buurtmoestuin", "Samen groente kweken in de buurtmoestuin.", "interventie");
        index.Refresh();
        Assert.Equal("bijeenkomst", Find("buurtmoestuin").Hits[2].Type);
        // A type asked for still comes first, and a query for failures is ranked by its outcome alone.
        Assert.Equal("bijeenkomst", Find("bijeenkomst buurtmoestuin").Hits[0].Type);
        Assert.Equal(["bijeenkomst", "praktijkvoorbeeld", "interventie"],
            Find("buurtmoestuin mislukt").Hits.Where(h => h.Title == "Buurtmoestuin").Select(h => h.Type));
    }

    [Fact]
    public void A_known_place_favours_items_there()
    {
        var results = Find("eenzaamheid Utrecht");
        Assert.Contains(("municipality", "Utrecht"), results.Understood.Places);
        Assert.Equal("Webinar over eenzaamheid", results.Hits[0].Title);
        Assert.Contains(("neighbourhood", "Zuidoost"), Find("wijkschakelaar zuidoost").Understood.Places);
    }

    [Fact]
    public void Question_words_and_filler_never_decide_the_ranking() =>
        Assert.Equal(Titles("mantelzorgers"), Titles("welke tips zijn er voor mantelzorgers"));

    [Fact]
    public void More_of_the_words_close_together_ranks_above_one_word_many_times()
    {
        Add("Koffie koffie koffie", "Koffie, koffie en nog eens koffie in de koffiehoek.", "pagina");
        Add("Ouderen drinken koffie", "Een kop koffie voor ouderen.", "pagina");
        index.Refresh();
        Assert.Equal("Ouderen drinken koffie", Titles("koffie ouderen")[0]);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData("(")]
    [InlineData("\" - * ( )")]
    public void Punctuation_or_operators_alone_is_an_empty_query(string query)
    {
        Assert.Empty(UserQuery.Parse(query));
        var results = Find(query);
        var empty = Find("");
        Assert.Equal(empty.Total, results.Total);
        Assert.Equal(empty.Hits.Select(h => h.Id), results.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Snippets_never_join_two_fields_or_two_paragraphs()
    {
        var hit = Find("jongeren betrekt").Hits.Single(h => h.Title == "Jongerenraad die stopte");
        Assert.DoesNotContain("vroeg veel", hit.SnippetHtml);
        Assert.DoesNotContain("na een jaar", hit.SnippetHtml);
        Assert.Contains("<mark>jongeren</mark>", hit.SnippetHtml);
    }

    [Fact]
    public void Hits_say_when_an_example_is_invented() =>
        Assert.True(Find("initiatief").Hits.Single(h => h.Title == "Bewoners initiatief in Noord").Fictional);

    [Fact]
    public void A_page_past_the_end_shows_the_last_page()
    {
        var results = search.Search(new SearchRequest { Text = "", Page = 99, PageSize = 5 });
        Assert.Equal(99, results.RequestedPage);
        Assert.Equal(results.PageCount, results.Page);
        Assert.NotEmpty(results.Hits);
    }

    [Fact]
    public void Municipality_and_neighbourhood_are_separate_facets()
    {
        var facets = Find("").Facets;
        Assert.Contains(new FacetValue("Amsterdam", 2), facets[SearchFields.Municipality]);
        Assert.Contains(new FacetValue("Zuidoost", 1), facets[SearchFields.Neighbourhood]);
        Assert.DoesNotContain(facets[SearchFields.Municipality], f => f.Value.Contains("Zuidoost"));
    }

    [Fact]
    public void Completion_offers_titles_and_whole_words_not_question_fragments()
    {
        var completions = search.Complete("hoe ee").Select(c => c.Text).ToList();
        Assert.Contains("Eenzaamheid onder ouderen", completions);
        Assert.DoesNotContain(completions, c => c.StartsWith("hoe ", StringComparison.Ordinal));
    }

    [Fact]
    public void More_like_this_leaves_out_items_already_on_the_page()
    {
        var all = search.MoreLikeThis(12, 10);
        Assert.NotEmpty(all);
        var first = all[0].Id;
        Assert.DoesNotContain(search.MoreLikeThis(12, 10, [first]), h => h.Id == first);
    }

    [Fact]
    public void Synonyms_can_be_replaced_while_searching_without_a_rebuild()
    {
        Assert.DoesNotContain("Jongerenraad die stopte", Titles("tienerbestuur"));
        index.UseSynonyms("tienerbestuur, jongerenraad");
        Assert.Contains("Jongerenraad die stopte", Titles("tienerbestuur"));
        Assert.Empty(SearchLexicon.CheckSynonyms("a, b\n# comment\n"));
        Assert.NotEmpty(SearchLexicon.CheckSynonyms("alleen"));
        Assert.NotEmpty(SearchLexicon.CheckSynonyms("a => b"));
    }
    [Fact]
    public void A_synonym_of_several_words_is_found_when_typed_together_and_sought_as_a_phrase()
    {
        Add("Mishandeling melden", "Een meldpunt in de wijk.", "interventie");
        Add("Geweld op straat", "Geweld op straat, en daarna een huiselijk gesprek over de buurt.", "praktijkvoorbeeld");
        index.Refresh();
        index.UseSynonyms("huiselijk geweld, mishandeling");

        // Typed together, the words find the one-word synonym; typed alone, "geweld" does not.
        Assert.Contains("Mishandeling melden", Titles("huiselijk geweld"));
        Assert.DoesNotContain("Mishandeling melden", Titles("geweld"));
        // The one-word synonym finds the phrase only where its words stand together, not the loose words.
        Assert.DoesNotContain("Geweld op straat", Titles("mishandeling"));
    }

    [Fact]
    public void Beside_another_word_a_synonym_the_texts_use_more_often_counts_as_the_rare_word_typed()
    {
        for (var i = 1; i <= 6; i++)
            Add($"Ouderen in buurt {i}", "Een activiteit voor ouderen.", "praktijkvoorbeeld");
        Add("Senioren op de markt", "Een markt.", "pagina");
        Add("Eenzaamheid in cijfers", "Eenzaamheid, eenzaamheid en nog eens eenzaamheid.", "pagina", body: "Eenzaamheid komt veel voor.");
        Add("Samen koken", "Ouderen koken samen.", "praktijkvoorbeeld", body: "Tegen eenzaamheid.");
        index.Refresh();

        // The list says "senioren" and "ouderen" mean the same; the texts say "ouderen". An item about both topics of
        // the query ranks above one that has the other word in its title and summary, and above the one that says "senioren".
        var titles = Titles("senioren eenzaamheid");
        Assert.Contains("Samen koken", titles);
        Assert.True(titles.IndexOf("Samen koken") < titles.IndexOf("Webinar over eenzaamheid"), string.Join(" / ", titles));
        Assert.True(titles.IndexOf("Samen koken") < titles.IndexOf("Senioren op de markt"), string.Join(" / ", titles));
    }

    [Fact]
    public void Synonym_groups_keep_members_of_several_words_apart_from_the_word_filter()
    {
        var (phrases, singleWords) = SynonymPhrases.Parse("# kop\nhuiselijk geweld, partnergeweld, relationeel geweld\nwijk, buurt\n");
        Assert.Equal("wijk, buurt", singleWords);
        Assert.Equal(2, phrases.Longest);
        Assert.Equal(["partnergeweld", "relationeel geweld"], phrases.Of(["huiselijk", "geweld"]).Select(m => string.Join(' ', m)));
        // A single word gets only the members of several words: the filter gives it the others.
        Assert.Equal(["huiselijk geweld", "relationeel geweld"], phrases.Of(["partnergeweld"]).Select(m => string.Join(' ', m)));
        Assert.Empty(phrases.Of(["wijk"]));
        var found = phrases.Find(["hulp", "bij", "huiselijk", "geweld"]).ToList();
        Assert.Equal((2, 2), (found.Single().Start, found.Single().Length));
    }
    [Fact]
    public void A_diminutive_meets_its_word_when_that_word_is_long_enough_to_keep_its_meaning()
    {
        Add("Geveltuintjes in de straat", "Bewoners halen tegels weg voor groen.", "praktijkvoorbeeld");
        index.Refresh();
        Assert.Contains("Geveltuintjes in de straat", Titles("geveltuin"));

        var diminutives = new DiminutiveFilter(new Lucene.Net.Analysis.Core.KeywordTokenizer(new StringReader("")), Lexicon.Shared.Decompounder);
        Assert.Equal("bloem", diminutives.Base("bloemetje"));
        Assert.Equal("buurt", diminutives.Base("buurtje"));
        Assert.Equal("groep", diminutives.Base("groepjes"));
        // "beetje" is no small "beet", "meisje" no small "meis": words under five letters are left alone.
        Assert.Null(diminutives.Base("beetje"));
        Assert.Null(diminutives.Base("meisje"));
        Assert.Null(diminutives.Base("buurten"));
    }
    [Fact]
    public void A_plural_the_stemmer_misses_meets_its_singular()
    {
        Add("Drie organisaties werken samen", "Gezinnen in de klassen van de school krijgen hulp.", "praktijkvoorbeeld");
        Add("De collega's van het wijkteam", "Ruimtes en categorieën.", "praktijkvoorbeeld");
        index.Refresh();
        Assert.Contains("Drie organisaties werken samen", Titles("organisatie"));
        Assert.Contains("Drie organisaties werken samen", Titles("gezin"));
        Assert.Contains("Drie organisaties werken samen", Titles("klas"));
        Assert.Contains("De collega's van het wijkteam", Titles("collega"));
        Assert.Contains("De collega's van het wijkteam", Titles("ruimte"));
        Assert.Contains("De collega's van het wijkteam", Titles("categorie"));
    }

    [Theory]
    [InlineData("organisaties", "organisatie")]
    [InlineData("campagnes", "campagne")]
    [InlineData("auto's", "auto")]
    [InlineData("strategieen", "strategie")]
    [InlineData("processen", "proces")]
    [InlineData("gezinnen", "gezin")]
    // Not a plural of a known word, or too short to be sure: left to the stemmer.
    [InlineData("binnen", null)]
    [InlineData("kansen", null)]
    [InlineData("jas", null)]
    [InlineData("reis", null)]
    [InlineData("lessen", null)]
    [InlineData("alleen", null)]
    public void The_singular_of_a_plural_is_a_known_word_of_four_letters_or_more(string plural, string? singular) =>
        Assert.Equal(singular, new PluralFilter(new Lucene.Net.Analysis.Core.KeywordTokenizer(new StringReader("")), Lexicon.Shared.Decompounder).Base(plural));
}
