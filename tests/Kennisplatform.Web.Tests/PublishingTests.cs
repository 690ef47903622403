using System.Net;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Themes;

namespace Kennisplatform.Web.Tests;

/// <summary>What the public sees as items move through the workflow. Own factory: these tests add content.</summary>
public class PublishingTests(PublishingTests.Factory factory) : IClassFixture<PublishingTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private readonly HttpClient client = factory.CreatePlainClient();
    private DateTime Now => factory.Clock.Now.UtcDateTime;

    private Task<T> SaveAsync<T>(T item, Action<T>? change = null) where T : ContentItem => factory.SaveAsync(item, change);

    private static Case NewCase(string title) => new() { Title = title, Outcome = CaseOutcome.Succeeded, Summary = "Test" };

    [Fact]
    public async Task Draft_is_not_public_until_published()
    {
        var item = await SaveAsync(NewCase("Concept over buurtsport"));
        await client.GetPageAsync("/praktijkvoorbeelden/concept-over-buurtsport", expectedStatus: 404);
        Assert.DoesNotContain("/praktijkvoorbeelden/concept-over-buurtsport", (await client.GetPageAsync("/praktijkvoorbeelden")).Links(".card__title a"));

        await SaveAsync(item, c => c.Publish(Now));
        await client.GetPageAsync("/praktijkvoorbeelden/concept-over-buurtsport");
    }

    [Fact]
    public async Task Scheduled_item_appears_by_itself_when_its_time_comes()
    {
        var item = NewCase("Gepland voorbeeld");
        item.Publish(Now.AddHours(2));
        await SaveAsync(item);
        await client.GetPageAsync("/praktijkvoorbeelden/gepland-voorbeeld", expectedStatus: 404);

        factory.Clock.Now = factory.Clock.Now.AddHours(3);
        await client.GetPageAsync("/praktijkvoorbeelden/gepland-voorbeeld");
    }

    [Fact]
    public async Task Renamed_item_keeps_its_old_address_with_a_permanent_redirect()
    {
        var item = NewCase("Oude naam");
        item.Publish(Now.AddMinutes(-1));
        item = await SaveAsync(item);
        await SaveAsync(item, c => c.Slug = "nieuwe-naam");

        using var response = await client.GetAsync("/praktijkvoorbeelden/oude-naam");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/praktijkvoorbeelden/nieuwe-naam", response.Headers.Location!.OriginalString);
        await client.GetPageAsync("/praktijkvoorbeelden/nieuwe-naam");
    }

    [Theory]
    [InlineData("vraag")]
    [InlineData("geprobeerd")]
    [InlineData("vervolg")]
    public async Task A_page_under_a_renamed_item_moves_with_it_and_one_under_another_type_or_nothing_is_not_found(string page)
    {
        var item = NewCase($"Oude naam voor {page}");
        item.Publish(Now.AddMinutes(-1));
        item = await SaveAsync(item);
        await SaveAsync(item, c => c.Slug = $"nieuwe-naam-voor-{page}");

        using var moved = await client.GetAsync($"/praktijkvoorbeelden/oude-naam-voor-{page}/{page}");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"/praktijkvoorbeelden/nieuwe-naam-voor-{page}/{page}", moved.Headers.Location!.OriginalString);
        var form = await client.GetPageAsync($"/praktijkvoorbeelden/nieuwe-naam-voor-{page}/{page}");
        // A form sent to the old address is sent on as it is (308), so what the visitor typed is not lost.
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var posted = await client.PostAsync($"/praktijkvoorbeelden/oude-naam-voor-{page}/{page}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.PermanentRedirect, posted.StatusCode);
        Assert.Equal($"/praktijkvoorbeelden/nieuwe-naam-voor-{page}/{page}", posted.Headers.Location!.OriginalString);
        foreach (var missing in new[] { $"/praktijkvoorbeelden/bestaat-niet/{page}", $"/themas/eenzaamheid/{page}" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(missing)).StatusCode);
    }

    [Fact]
    public async Task Archived_item_disappears_from_the_site()
    {
        var item = NewCase("Te archiveren");
        item.Publish(Now.AddMinutes(-1));
        item = await SaveAsync(item);
        await client.GetPageAsync("/praktijkvoorbeelden/te-archiveren");
        await SaveAsync(item, c => c.Archive());
        await client.GetPageAsync("/praktijkvoorbeelden/te-archiveren", expectedStatus: 404);
    }

    [Fact]
    public async Task Links_to_unpublished_items_are_not_shown()
    {
        var theme = await SaveAsync(new Theme { Title = "Geheim thema" });
        var item = NewCase("Met concept-thema");
        item.Themes.Add(theme);
        item.Publish(Now.AddMinutes(-1));
        await SaveAsync(item);
        var page = await client.GetPageAsync("/praktijkvoorbeelden/met-concept-thema");
        Assert.DoesNotContain("/themas/geheim-thema", page.Links("a"));
    }

    [Theory]
    [MemberData(nameof(XssPayloads.Data), MemberType = typeof(XssPayloads))]
    public async Task Markdown_bodies_are_sanitised(string payload)
    {
        var title = "Onveilig " + Guid.NewGuid().ToString("N")[..8];
        var item = NewCase(title);
        item.Body = "Tekst vooraf.\n\n" + payload;
        item.WhatWorked = payload;
        item.Publish(Now.AddMinutes(-1));
        item = await SaveAsync(item);

        var page = await client.GetPageAsync("/praktijkvoorbeelden/" + item.Slug);
        var article = page.QuerySelector("article")!;
        // The page's own actions (the GET form "Zet in mijn selectie") are ours; only what the payload can reach counts.
        foreach (var actions in article.QuerySelectorAll(".item-actions").ToList())
            actions.Remove();
        Assert.Empty(article.QuerySelectorAll(XssPayloads.Forbidden));
        Assert.DoesNotContain(article.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains("Tekst vooraf.", article.TextContent);
    }

    [Fact]
    public async Task Long_overview_is_paged_and_pages_keep_the_filter()
    {
        for (var i = 0; i < 14; i++)
        {
            var item = new Case { Title = $"Pagineren {i:00}", Outcome = CaseOutcome.TooEarly };
            item.Publish(Now.AddMinutes(-1));
            await SaveAsync(item);
        }
        var first = await client.GetPageAsync("/praktijkvoorbeelden?uitkomst=te-vroeg");
        Assert.Equal(12, first.QuerySelectorAll(".card").Length);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/praktijkvoorbeelden?uitkomst=te-vroeg&pagina=2", next);
        var second = await client.GetPageAsync(next);
        Assert.True(second.QuerySelectorAll(".card").Length >= 3);
        Assert.Equal("Pagina 2", second.Text(".pagination [aria-current=page]"));
    }
}
