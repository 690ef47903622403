using System.Text;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Web.Tests;

/// <summary>Evidence explained, comparing interventions and "Mijn selectie": all plain GET pages, no account, no script.</summary>
public class ChoosingTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient client = factory.CreatePlainClient();

    [Fact]
    public async Task Evidence_page_explains_every_level_with_who_assesses_it_and_its_count()
    {
        var page = await client.GetPageAsync("/bewijskracht");
        foreach (var level in Dutch.Values<EvidenceLevel>())
        {
            var step = page.GetElementById(level.Code());
            Assert.NotNull(step);
            Assert.Contains(level.Label(), step.TextContent);
            Assert.Contains("Wie beoordeelt dit?", step.TextContent);
        }
        Assert.Contains($"{Intervention.EvidenceValidYears} jaar", page.Text("#hoe-lang + p"));
        // Three seed interventions are "goed beschreven": the step links to exactly those.
        var link = page.QuerySelector("#goed-beschreven a[href*='bewijs=goed-beschreven']")!;
        Assert.StartsWith("3 interventies", link.TextContent);
        var filtered = await client.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal("3 resultaten", filtered.Text(".result-count"));
    }

    [Fact]
    public async Task Evidence_badge_shows_the_step_in_words_with_source_date_and_age()
    {
        var old = await client.GetPageAsync("/interventies/buurtkamer");
        Assert.Equal("(trede 1 van 5)", old.Text(".evidence .ladder__position"));
        Assert.Equal(1, old.QuerySelectorAll(".evidence .ladder__bar--on").Length);
        Assert.Contains("1 september 2019", old.Text(".evidence .ladder__source"));
        Assert.Contains("ouder dan 5 jaar", old.Text(".evidence .ladder__outdated"));
        Assert.Equal("/bewijskracht#goed-beschreven", old.QuerySelector(".evidence a.ladder__explain")!.GetAttribute("href"));

        var recent = await client.GetPageAsync("/interventies/schuldhulp-aan-de-keukentafel");
        Assert.Equal("(trede 3 van 5)", recent.Text(".evidence .ladder__position"));
        Assert.Null(recent.QuerySelector(".ladder__outdated"));

        var unassessed = await client.GetPageAsync("/interventies/buurtbudget");
        Assert.Equal("(niet op de ladder)", unassessed.Text(".evidence .ladder__position"));
        Assert.Empty(unassessed.QuerySelectorAll(".ladder__bar--on"));

        var overview = await client.GetPageAsync("/interventies");
        Assert.All(overview.QuerySelectorAll(".card"), card => Assert.NotNull(card.QuerySelector(".ladder__position")));
        // Cards, like the page, say who assessed it and when; an intervention that was never assessed has nothing to say.
        var cards = overview.QuerySelectorAll(".card").ToDictionary(c => c.QuerySelector(".card__title a")!.GetAttribute("href")!);
        Assert.Equal("Beoordeeld door Voorbeeld: geen echte beoordeling, in juni 2024.", cards["/interventies/taalcafe"].QuerySelector(".ladder__source")!.TextContent.Trim());
        Assert.Equal("2024-06-01", cards["/interventies/taalcafe"].QuerySelector(".ladder__source time")!.GetAttribute("datetime"));
        Assert.Contains("in september 2019", cards["/interventies/buurtkamer"].QuerySelector(".ladder__source")!.TextContent);
        Assert.NotNull(cards["/interventies/buurtkamer"].QuerySelector(".ladder__outdated"));
        Assert.Null(cards["/interventies/buurtbudget"].QuerySelector(".ladder__source"));
        var compared = await client.GetPageAsync("/vergelijken?i=taalcafe&i=buurtkamer");
        Assert.Equal(2, compared.QuerySelectorAll(".compare .ladder__source").Length);
    }

    [Fact]
    public async Task Five_interventions_in_another_order_keep_another_four_never_a_cached_page_for_the_first_order()
    {
        string[] slugs = ["taalcafe", "buurtkamer", "digicafe", "wijkschouw", "buurtbudget"];
        async Task<List<string>> KeptAsync(IEnumerable<string> order) =>
            (await client.GetPageAsync("/vergelijken?" + string.Join("&", order.Select(s => "i=" + s))))
                .QuerySelectorAll(".compare thead th > a:first-child").Select(a => a.GetAttribute("href")!.Split('/').Last()).Order().ToList();
        Assert.Equal(slugs[..4].Order(), await KeptAsync(slugs));
        Assert.Equal(slugs[1..].Order(), await KeptAsync(slugs.Reverse()));
    }

    [Fact]
    public async Task Three_interventions_compare_side_by_side_with_the_cases_that_used_them()
    {
        var page = await client.GetPageAsync("/vergelijken?i=taalcafe&i=buurtkamer&i=schuldhulp-aan-de-keukentafel");
        Assert.Equal(["Buurtkamer", "Taalcafé", "Vroegsignalering van schulden aan de keukentafel"],
            page.QuerySelectorAll(".compare thead th > a:first-child").Select(a => a.TextContent));
        var rows = page.QuerySelectorAll(".compare tbody th[scope=row]").Select(th => th.TextContent).ToList();
        Assert.Equal(["Bewijskracht", "Doel", "Doelgroep", "Voor wie precies", "Aanpak", "Kernelementen", "Randvoorwaarden", "Kosten", "Eigenaar", "Gebruikt in"], rows);
        Assert.Contains("Mensen die Nederlands leren", page.QuerySelectorAll(".compare tbody tr")[rows.IndexOf("Doelgroep")].TextContent);
        var used = page.QuerySelectorAll(".compare tbody tr").Last();
        Assert.Contains("Deels geslaagd", used.TextContent);
        Assert.Empty(page.QuerySelectorAll(".notice--error"));
        // Every value says which intervention it belongs to, for the stacked layout on a phone.
        Assert.All(page.QuerySelectorAll(".compare tbody td"), td => Assert.False(string.IsNullOrEmpty(td.GetAttribute("data-label"))));

        var without = page.QuerySelectorAll(".compare__remove").First().GetAttribute("href")!;
        Assert.Equal("/vergelijken?i=taalcafe&i=schuldhulp-aan-de-keukentafel", without);
        Assert.Equal(2, (await client.GetPageAsync(without)).QuerySelectorAll(".compare thead th").Length);
        // The same choice in another order is the same comparison.
        var reordered = await client.GetPageAsync("/vergelijken?i=schuldhulp-aan-de-keukentafel&i=buurtkamer&i=taalcafe");
        Assert.Equal(page.Text(".compare thead"), reordered.Text(".compare thead"));
    }

    [Theory]
    [InlineData("/vergelijken", "Kies minstens 2")]
    [InlineData("/vergelijken?i=taalcafe", "Kies minstens 2")]
    [InlineData("/vergelijken?i=taalcafe&i=bestaat-niet", "geen gepubliceerde interventie met de naam 'bestaat-niet'")]
    [InlineData("/vergelijken?i=%27%3Cscript%3E&i=taalcafe&i=buurtkamer", "geen gepubliceerde interventie")]
    [InlineData("/vergelijken?i=taalcafe&i=buurtkamer&i=digicafe&i=wijkschouw&i=buurtbudget", "hoogstens 4")]
    public async Task Comparing_bad_choices_says_what_is_wrong(string url, string message)
    {
        var page = await client.GetPageAsync(url);
        Assert.Contains(message, string.Join(" ", page.QuerySelectorAll(".notice--error").Select(p => p.TextContent)));
        Assert.NotEmpty(page.QuerySelectorAll("form.compare-picker input[type=checkbox][name=i]"));
        Assert.True(page.QuerySelectorAll(".compare thead th").Length <= 4);
    }

    [Fact]
    public async Task A_selection_lives_in_its_address_and_prints_title_facts_and_address_of_each_item()
    {
        var page = await client.GetPageAsync("/selectie?praktijkvoorbeeld=buurtkamer-de-linde&praktijkvoorbeeld=jongerenraad-zonder-jongeren&interventie=taalcafe");
        Assert.Equal(new[] { "Een buurtkamer tegen eenzaamheid in De Linde", "Een jongerenraad zonder jongeren", "Taalcafé" }.Order(),
            page.QuerySelectorAll(".selection-item__title a").Select(a => a.TextContent).Order());
        var urls = page.QuerySelectorAll(".selection-item__url").Select(p => p.TextContent).ToList();
        Assert.All(urls, u => Assert.Matches("^https?://[^/]+/(praktijkvoorbeelden|interventies)/", u));
        Assert.Contains("Zwolle", page.Text(".selection-item .facts"));
        Assert.EndsWith("/selectie?praktijkvoorbeeld=buurtkamer-de-linde&praktijkvoorbeeld=jongerenraad-zonder-jongeren&interventie=taalcafe",
            page.QuerySelector("#selectie-adres")!.GetAttribute("value"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Adding_to_a_selection_keeps_what_was_there_and_lands_on_the_plain_address()
    {
        using var response = await client.GetAsync("/selectie?interventie=taalcafe&erbij=praktijkvoorbeeld:buurtkamer-de-linde&erbij=interventie:taalcafe");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/selectie?praktijkvoorbeeld=buurtkamer-de-linde&interventie=taalcafe", response.Headers.Location!.OriginalString);

        // The add button on a detail page is a plain link that adds this one item.
        var detail = await client.GetPageAsync("/wijkschakelaars/fatima-buurtmoeder");
        Assert.Equal("/selectie?erbij=wijkschakelaar%3Afatima-buurtmoeder", detail.QuerySelector("a[data-add-to-selection]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_selection_downloads_as_csv_with_one_line_per_item()
    {
        using var response = await client.GetAsync("/selectie/csv?praktijkvoorbeeld=buurtkamer-de-linde&instrument=buurtagenda-samen-maken");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("type;slug;titel", lines[0]);
        Assert.StartsWith("praktijkvoorbeeld;buurtkamer-de-linde;", lines[1]);
        Assert.StartsWith("instrument;buurtagenda-samen-maken;", lines[2]);
    }

    [Theory]
    [InlineData("/selectie?praktijkvoorbeeld=bestaat-niet", "niet (meer) te vinden")]
    [InlineData("/selectie?praktijkvoorbeeld=%3Cb%3E", "geen geldige naam")]
    [InlineData("/selectie?erbij=thema:eenzaamheid", "kan niet in een selectie")]
    [InlineData("/selectie?erbij=onzin", "kan niet in een selectie")]
    public async Task A_bad_selection_address_says_what_is_wrong_and_changes_nothing(string url, string message)
    {
        var page = await client.GetPageAsync(url);
        Assert.Contains(message, page.Text(".notice--error"));
        Assert.Empty(page.QuerySelectorAll(".selection-item"));
    }

    [Fact]
    public async Task A_selection_holds_at_most_its_limit()
    {
        var url = "/selectie?" + string.Join("&", Enumerable.Range(1, Pages.Selection.SelectionAddress.MaxItems + 5).Select(n => $"praktijkvoorbeeld=item-{n}"));
        var page = await client.GetPageAsync(url);
        Assert.Contains($"hoogstens {Pages.Selection.SelectionAddress.MaxItems} items", page.Text(".notice--error"));
    }

    [Fact]
    public async Task Interventions_filtered_by_evidence_can_be_ticked_for_comparison()
    {
        var page = await client.GetPageAsync("/interventies?bewijs=goed-beschreven");
        var boxes = page.QuerySelectorAll("input[type=checkbox][form=vergelijk-form][name=i]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(3, boxes.Count);
        Assert.Equal("/vergelijken", page.QuerySelector("form#vergelijk-form")!.GetAttribute("action"));
        Assert.NotEmpty(page.QuerySelectorAll("input[type=checkbox][form=selectie-form][name=interventie]"));
        var compared = await client.GetPageAsync("/vergelijken?" + string.Join("&", boxes.Select(b => "i=" + b)));
        Assert.Equal(3, compared.QuerySelectorAll(".compare thead th").Length);
    }

    [Fact]
    public void Evidence_older_than_the_valid_years_is_outdated()
    {
        var item = new Intervention { Evidence = EvidenceLevel.WellFounded, EvidenceDate = new DateOnly(2020, 3, 1) };
        Assert.False(item.EvidenceIsOutdatedOn(new DateOnly(2025, 3, 1)));
        Assert.True(item.EvidenceIsOutdatedOn(new DateOnly(2025, 3, 2)));
        item.Evidence = EvidenceLevel.NotAssessed;
        Assert.False(item.EvidenceIsOutdatedOn(new DateOnly(2030, 1, 1)));
        Assert.Equal([0, 1, 2, 3, 4, 5], Dutch.Values<EvidenceLevel>().Select(l => l.Step()));
    }
}
