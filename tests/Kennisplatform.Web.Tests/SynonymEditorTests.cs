using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// Beheerders keep the search synonyms in the back office. The list lives in the database, so every node searches with
/// it; a bad list names its line and changes nothing; an edit on an older version is a conflict, never an overwrite.
/// </summary>
public class SynonymEditorTests(SynonymEditorTests.Factory factory) : IClassFixture<SynonymEditorTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private const string Path = "/beheer/zoekwoorden";

    private async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> SaveAsync(HttpClient admin, string list, int? version = null, string? handler = null)
    {
        var page = await admin.GetPageAsync(Path);
        var fields = new Dictionary<string, string>
        {
            ["lijst"] = list,
            ["versie"] = version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? page.QuerySelector("input[name=versie]")!.GetAttribute("value")!,
        };
        return await EditingTests.PostAsync(admin, handler is null ? Path : $"{Path}?handler={handler}", fields);
    }

    private static async Task<bool> FindsAsync(HttpClient client, string query, string slug)
    {
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(query)}");
        return result.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("slug").GetString() == slug);
    }

    private async Task<string> StoredAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
        return (await scope.ServiceProvider.GetRequiredService<SearchSynonyms>().ReadAsync(db, default)).Text;
    }

    [Fact]
    public async Task A_new_synonym_works_at_once_on_this_node_and_soon_on_another_and_going_back_removes_it()
    {
        var item = new Case { Title = "Klompendans op het Zwanenplein", Outcome = CaseOutcome.Succeeded, Summary = "Buren dansen op klompen." };
        item.Publish(factory.Clock.Now.UtcDateTime.AddMinutes(-1));
        await factory.SaveAsync(item);
        using var nodeB = SiteFactory.NodeBeside(factory);
        var visitorA = factory.CreatePlainClient();
        var visitorB = nodeB.CreatePlainClient();
        const string slug = "klompendans-op-het-zwanenplein";
        Assert.True(await FindsAsync(visitorA, "klompendans", slug));
        Assert.False(await FindsAsync(visitorA, "houtschoenfeest", slug));
        Assert.False(await FindsAsync(visitorB, "houtschoenfeest", slug));

        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        await SaveAsync(admin, "", handler: "Standaard"); // other tests in this class may have stored a list of their own
        var before = await admin.GetPageAsync(Path);
        var list = before.QuerySelector("textarea#lijst")!.TextContent;
        Assert.Contains("buurthuis", list); // the default list from content/search is what the form starts with
        Assert.Contains("standaardlijst", before.QuerySelector("main")!.TextContent);

        var (saved, _) = await SaveAsync(admin, list + "\nhoutschoenfeest, klompendans\n");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await FindsAsync(visitorA, "houtschoenfeest", slug), "The node that saved does not use the new list.");
        var limit = DateTime.UtcNow.AddSeconds(10);
        while (!await FindsAsync(visitorB, "houtschoenfeest", slug))
        {
            Assert.True(DateTime.UtcNow < limit, "The other node does not use the new list after 10 s.");
            await Task.Delay(50);
        }
        var after = await admin.GetPageAsync(Path);
        Assert.Contains("Opgeslagen", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("eigen lijst", after.QuerySelector("main")!.TextContent);
        Assert.Contains("houtschoenfeest", after.QuerySelector("textarea#lijst")!.TextContent);
        // A plain page reload after the redirect posts nothing again; the audit log names who changed the list.
        Assert.Contains("zoekwoorden gewijzigd", (await admin.GetPageAsync("/beheer/logboek")).QuerySelector("main")!.TextContent);

        var (reset, _) = await SaveAsync(admin, "", handler: "Standaard");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await FindsAsync(visitorA, "houtschoenfeest", slug));
        Assert.DoesNotContain("houtschoenfeest", await StoredAsync());
        limit = DateTime.UtcNow.AddSeconds(10);
        while (await FindsAsync(visitorB, "houtschoenfeest", slug))
        {
            Assert.True(DateTime.UtcNow < limit, "The other node still uses the old list after 10 s.");
            await Task.Delay(50);
        }
    }

    [Theory]
    [InlineData("wijk, buurt\nalleenstaand woord\n", "Regel 2")]
    [InlineData("wijk, , buurt\n", "Regel 1")]
    [InlineData("wijk => buurt\n", "Regel 1")]
    public async Task A_bad_list_names_its_line_and_changes_nothing(string list, string named)
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        var stored = await StoredAsync();
        var (response, page) = await SaveAsync(admin, list);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(named, page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(list.ReplaceLineEndings("\n").Trim(), page.QuerySelector("textarea#lijst")!.TextContent.ReplaceLineEndings("\n").Trim());
        Assert.Equal(stored, await StoredAsync());
    }

    [Fact]
    public async Task A_list_that_is_too_long_is_refused_with_its_limit_and_changes_nothing()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        var stored = await StoredAsync();
        var list = string.Concat(Enumerable.Range(0, SearchSynonyms.MaxLines + 1).Select(n => $"woord{n}, ander{n}\n"));
        var (response, page) = await SaveAsync(admin, list);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("hooguit 2.000 regels", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(stored, await StoredAsync());
    }

    [Fact]
    public async Task An_edit_made_on_an_older_version_is_a_conflict_that_shows_both_lists()
    {
        var (first, _) = await factory.SignedInAsync(Roles.Administrator);
        var (second, _) = await factory.SignedInAsync(Roles.Administrator);
        var page = await second.GetPageAsync(Path);
        var staleVersion = int.Parse(page.QuerySelector("input[name=versie]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);

        var (saved, _) = await SaveAsync(first, "wijk, buurt\nbuurtfeest, straatfeest, burendag\n");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (conflict, shown) = await SaveAsync(second, "wijk, buurt\nspeeltuin, speelplek\n", staleVersion);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Er is niets opgeslagen", shown.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("speeltuin, speelplek", shown.QuerySelector("textarea#lijst")!.TextContent); // nothing typed is lost
        Assert.Contains("buurtfeest, straatfeest, burendag", shown.QuerySelector("pre.snapshot")!.TextContent);
        var stored = await StoredAsync();
        Assert.Contains("burendag", stored);
        Assert.DoesNotContain("speeltuin", stored);

        // Saving again from the conflict page is a deliberate choice and goes through.
        var version = shown.QuerySelector("input[name=versie]")!.GetAttribute("value")!;
        var (again, _) = await EditingTests.PostAsync(second, Path, new() { ["lijst"] = "wijk, buurt\nspeeltuin, speelplek\n", ["versie"] = version });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("speeltuin", await StoredAsync());
    }

    [Fact]
    public async Task Only_beheerders_may_change_the_list_and_never_without_the_form_token()
    {
        foreach (var role in new[] { Roles.Editor, Roles.Author })
        {
            var (browser, _) = await factory.SignedInAsync(role);
            var response = await browser.GetAsync(Path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/beheer/geen-toegang", response.Headers.Location!.ToString());
        }
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        var stored = await StoredAsync();
        var forged = await admin.PostAsync(Path, new FormUrlEncodedContent(new Dictionary<string, string> { ["lijst"] = "a, b", ["versie"] = "0" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(stored, await StoredAsync());
    }
}
