using System.Net;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Themes;
using Kennisplatform.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>The back office's content list: every item reachable by paging, title search, filters, sorting, names not addresses.</summary>
public class ContentListTests(ContentListTests.Factory factory) : IClassFixture<ContentListTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private static List<string> Links(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.GetAttribute("href")!).ToList();

    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    private async Task<int> CountAsync(Func<IQueryable<ContentItem>, IQueryable<ContentItem>>? filter = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var items = scope.ServiceProvider.GetRequiredService<ContentDb>().Items.AsNoTracking();
        return await (filter is null ? items : filter(items)).CountAsync();
    }

    [Fact]
    public async Task Paging_reaches_every_item_exactly_once()
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        for (var i = 0; i < 3; i++)
            await factory.SaveAsync(new Case { Title = $"Extra voorbeeld {i}", Summary = "Kort.", Outcome = CaseOutcome.Succeeded, Municipality = "Delft" });
        var total = await CountAsync();
        Assert.True(total > InhoudPageSize, $"only {total} items: the test needs more than one page");

        var seen = new List<string>();
        var items = new List<string>();
        var path = "/beheer/inhoud?sorteer=titel";
        var pages = 0;
        while (path is not null)
        {
            var page = await redacteur.GetPageAsync(path);
            pages++;
            var titles = Titles(page);
            Assert.InRange(titles.Count, 1, InhoudPageSize);
            seen.AddRange(titles);
            items.AddRange(Links(page));
            Assert.Contains($"pagina {pages} van", page.Text("[role=status].result-count"));
            Assert.Equal($"Pagina {pages}", page.Text("nav.pagination a[aria-current=page]"));
            path = page.QuerySelector("nav.pagination a[rel=next]")?.GetAttribute("href");
            Assert.True(pages < 100);
        }
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, items.Distinct().Count());
        Assert.Equal((total + InhoudPageSize - 1) / InhoudPageSize, pages);
        Assert.Equal(seen.Order(StringComparer.OrdinalIgnoreCase), seen, StringComparer.OrdinalIgnoreCase);
    }

    private const int InhoudPageSize = Pages.Beheer.InhoudModel.PageSize;

    [Fact]
    public async Task Title_search_type_status_theme_and_author_filters_narrow_the_list_and_stay_in_the_address()
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var writer = await factory.CreateEditorAsync("wendy.schrijver@example.org", Roles.Author);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Editor>>();
            writer = (await users.FindByIdAsync(writer.Id))!;
            writer.DisplayName = "Wendy Schrijver";
            await users.UpdateAsync(writer);
        }
        var theme = await factory.SaveAsync(new Theme { Title = "Zeldzaam thema", Summary = "Kort." });
        await factory.SaveAsync(new Case { Title = "Buurtsoep in KLEIJNDORP", Summary = "Kort.", Outcome = CaseOutcome.Succeeded, Municipality = "Delft", Author = writer.UserName!, Themes = [theme] });
        await factory.SaveAsync(new Case { Title = "Kleijndorp leest voor", Summary = "Kort.", Outcome = CaseOutcome.Failed, Municipality = "Delft" });
        await factory.SaveAsync(new Event { Title = "Avond in Kleijndorp", Summary = "Kort.", Author = writer.UserName! });

        // Search ignores upper and lower case and finds the word anywhere in the title.
        Assert.Equal(["Avond in Kleijndorp", "Buurtsoep in KLEIJNDORP", "Kleijndorp leest voor"],
            Titles(await redacteur.GetPageAsync("/beheer/inhoud?zoek=kleijndorp&sorteer=titel")).Order().ToList());
        Assert.Equal(["Buurtsoep in KLEIJNDORP", "Kleijndorp leest voor"],
            Titles(await redacteur.GetPageAsync("/beheer/inhoud?zoek=kleijndorp&soort=praktijkvoorbeeld")).Order().ToList());
        Assert.Equal(["Buurtsoep in KLEIJNDORP"], Titles(await redacteur.GetPageAsync($"/beheer/inhoud?thema={theme.Slug}&soort=praktijkvoorbeeld")));
        Assert.Equal(["Kleijndorp leest voor"], Titles(await redacteur.GetPageAsync("/beheer/inhoud?zoek=Kleijndorp&status=concept&soort=praktijkvoorbeeld&auteur=test")));

        // Authors are offered and shown by name; the address carries an account id, never an e-mail address.
        var list = await redacteur.GetPageAsync("/beheer/inhoud");
        var option = list.QuerySelectorAll("#auteur option").Single(o => o.TextContent == "Wendy Schrijver");
        Assert.Equal(writer.Id, option.GetAttribute("value"));
        var byWendy = await redacteur.GetPageAsync($"/beheer/inhoud?auteur={writer.Id}&sorteer=titel");
        Assert.Equal(["Avond in Kleijndorp", "Buurtsoep in KLEIJNDORP"], Titles(byWendy));
        Assert.All(byWendy.QuerySelectorAll("table tbody tr td:last-child"), cell => Assert.Equal("Wendy Schrijver", cell.TextContent.Trim()));
        Assert.NotNull(byWendy.QuerySelector($"#auteur option[value='{writer.Id}'][selected]"));
        foreach (var page in new[] { list, byWendy })
            Assert.DoesNotContain("@", page.QuerySelector("main")!.InnerHtml);
    }

    [Fact]
    public async Task Sorting_by_title_or_by_last_change_orders_the_whole_list()
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        factory.Clock.Now += TimeSpan.FromMinutes(5);
        var newest = await factory.SaveAsync(new Case { Title = "Aaa het nieuwste voorbeeld", Summary = "Kort.", Outcome = CaseOutcome.Succeeded, Municipality = "Delft" });
        var byChange = await redacteur.GetPageAsync("/beheer/inhoud");
        Assert.Equal(newest.Title, Titles(byChange)[0]);
        Assert.Contains("laatst gewijzigd eerst", byChange.Text("caption"));
        var byTitle = Titles(await redacteur.GetPageAsync("/beheer/inhoud?sorteer=titel"));
        Assert.Equal(byTitle.Order(StringComparer.OrdinalIgnoreCase).ToList(), byTitle);
    }

    [Theory]
    [InlineData("pagina=abc")]
    [InlineData("pagina=-3")]
    [InlineData("pagina=0")]
    [InlineData("pagina=2147483647")]
    [InlineData("pagina=99999999999999999999")]
    [InlineData("soort=ruimteschip&status=%3Cscript%3E&sorteer=achterstevoren")]
    [InlineData("thema=bestaat-niet&auteur=niemand")]
    [InlineData("auteur=iemand%40example.org&thema=")]
    [InlineData("zoek=%25")]
    [InlineData("zoek=_&soort=")]
    [InlineData("zoek=%27%22%3B--")]
    [InlineData("soort=praktijkvoorbeeld&soort=interventie&pagina=1&pagina=2")]
    public async Task Odd_or_unknown_parameters_give_a_normal_page(string query)
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var page = await redacteur.GetPageAsync("/beheer/inhoud?" + query);
        Assert.NotNull(page.QuerySelector("form.filters"));
        Assert.Matches(@"^\d+ items?", page.Text(".result-count"));
    }

    [Fact]
    public async Task A_search_with_a_wildcard_character_matches_that_character_only()
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var page = await redacteur.GetPageAsync("/beheer/inhoud?zoek=%25");
        Assert.Equal("0 items", page.Text(".result-count"));
        Assert.Contains("Niets gevonden", page.Text("main"));
        var longQuery = await redacteur.GetPageAsync("/beheer/inhoud?zoek=" + new string('x', 5000));
        Assert.Equal(Pages.Beheer.InhoudModel.MaxSearchLength, longQuery.QuerySelector("#zoek")!.GetAttribute("value")!.Length);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await factory.NewBrowser().GetAsync("/beheer/inhoud?zoek=x");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/beheer/inloggen", response.Headers.Location!.ToString());
    }
}
