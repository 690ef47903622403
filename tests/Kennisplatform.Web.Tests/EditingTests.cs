using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

public class EditingTests(EditingTests.Factory factory) : IClassFixture<EditingTests.Factory>
{
    public sealed class Factory : SiteFactory;

    internal static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(HttpClient browser, string formPath, Dictionary<string, string> fields, params (string Key, string Value)[] extra)
    {
        var token = await SiteFactory.TokenAsync(browser, formPath);
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Concat(extra.Select(e => new KeyValuePair<string, string>(e.Key, e.Value)))
            .Append(new("__RequestVerificationToken", token));
        var response = await browser.PostAsync(formPath, new FormUrlEncodedContent(pairs));
        return (response, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    internal static Dictionary<string, string> NewCase(string title) => new()
    {
        ["f.title"] = title,
        ["f.summary"] = "Een korte samenvatting.",
        ["f.outcome"] = "geslaagd",
        ["f.municipality"] = "Deventer",
        ["body"] = "Het **verhaal**.",
        ["version"] = "0",
    };

    private async Task<Case> LoadCaseAsync(string title)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
        return await db.Items.OfType<Case>().Include(c => c.Themes).AsNoTracking().SingleAsync(c => c.Title == title);
    }

    [Fact]
    public async Task The_form_is_grouped_as_the_story_is_told_with_the_text_near_the_top_and_checkboxes_for_links()
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var form = await redacteur.GetPageAsync("/beheer/inhoud/nieuw/praktijkvoorbeeld");
        Assert.Equal(["Basis", "Het verhaal", "Wat werkte en wat niet", "Plaats en periode", "Koppelingen", "Publicatie"],
            form.QuerySelectorAll("form.edit-form > fieldset.form-section > legend").Select(l => l.TextContent.Trim()));
        Assert.NotNull(form.QuerySelector("#deel-tekst #veld-body"));
        Assert.NotNull(form.QuerySelector("#deel-basis #veld-title"));
        Assert.NotNull(form.QuerySelector("#deel-lessen #veld-what_did_not_work"));
        Assert.NotNull(form.QuerySelector("#deel-publicatie #veld-slug"));
        Assert.DoesNotContain("slug", form.QuerySelector("label[for=veld-slug]")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Markdown", form.QuerySelector("form.edit-form")!.TextContent, StringComparison.Ordinal);

        foreach (var kind in Enum.GetValues<ContentType>())
        {
            var path = "/beheer/inhoud/nieuw/" + kind.Code();
            var page = await redacteur.GetPageAsync(path);
            Assert.Null(page.QuerySelector("select[multiple]"));
            // Every field is in exactly one section, and the formatting buttons are only on text areas.
            Assert.Empty(page.QuerySelectorAll("form.edit-form > .utrecht-form-field"));
            Assert.All(page.QuerySelectorAll("markdown-toolbar"), t => Assert.Equal("TEXTAREA", page.GetElementById(t.GetAttribute("for")!)!.TagName));
            Assert.Equal(1, page.QuerySelectorAll("#veld-body").Length);
            var sections = page.QuerySelectorAll("fieldset.form-section").ToList();
            Assert.True(sections.FindIndex(s => s.QuerySelector("#veld-body") is not null) <= 1, $"{path}: the text is not in the first two sections.");
        }
    }

    [Fact]
    public async Task An_image_from_the_library_is_offered_in_the_editor_with_its_alt_text()
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        await MediaTests.UploadAsync(redacteur, MediaTests.Png, "buurtfeest-kraam.png", "Kraam met soep op het buurtfeest");
        var form = await redacteur.GetPageAsync("/beheer/inhoud/nieuw/praktijkvoorbeeld");
        var picker = form.QuerySelector("#deel-tekst details.image-picker")!;
        Assert.Contains("Kraam met soep op het buurtfeest", picker.TextContent);
        var line = picker.QuerySelectorAll("input[readonly]").Select(i => i.GetAttribute("value")!).Single(v => v.Contains("buurtfeest-kraam"));
        Assert.Matches(@"^!\[Kraam met soep op het buurtfeest\]\(/media/\d+/buurtfeest-kraam\.png\)$", line);
        Assert.Contains(picker.QuerySelectorAll("button[data-insert-image]"), b => b.GetAttribute("data-insert-image") == line && b.HasAttribute("hidden"));
    }

    [Fact]
    public async Task An_auteur_writes_a_case_as_concept_with_themes_chosen_from_a_list()
    {
        var (auteur, editor) = await factory.SignedInAsync(Roles.Author);
        var form = await auteur.GetPageAsync("/beheer/inhoud/nieuw/praktijkvoorbeeld");
        Assert.NotNull(form.QuerySelector("fieldset#veld-themes input[type=checkbox][name='f.themes'][value=eenzaamheid]"));
        Assert.NotNull(form.QuerySelector("select[name='f.outcome'] option[value=mislukt]"));
        Assert.Null(form.QuerySelector("button[value=publiceren]"));

        var (response, _) = await PostAsync(auteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", NewCase("Buurtsoep op vrijdag"),
            ("f.themes", "eenzaamheid"), ("f.themes", "gezondheid-en-vitaliteit"), ("actie", "opslaan"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await LoadCaseAsync("Buurtsoep op vrijdag");
        Assert.Equal((ContentStatus.Draft, editor.Email, "buurtsoep-op-vrijdag", 1), (saved.Status, saved.Author, saved.Slug, saved.Version));
        Assert.Equal(["eenzaamheid", "gezondheid-en-vitaliteit"], saved.Themes.Select(t => t.Slug).Order());
        Assert.Equal($"/beheer/inhoud/{saved.Id}?opgeslagen=1", response.Headers.Location!.OriginalString);
        await factory.CreatePlainClient().GetPageAsync("/praktijkvoorbeelden/buurtsoep-op-vrijdag", expectedStatus: 404);
    }

    [Fact]
    public async Task Invalid_input_gets_Dutch_messages_next_to_the_fields_and_saves_nothing()
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var fields = NewCase("Zonder uitkomst");
        fields["f.outcome"] = "";
        fields["f.start_year"] = "tweeduizend";
        var (response, page) = await PostAsync(redacteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", fields, ("actie", "opslaan"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("heel getal", page.QuerySelector("#fout-start_year")!.TextContent);
        // A missing outcome is for the checklist, not a reason to refuse a concept.
        Assert.Null(page.QuerySelector("#fout-outcome"));
        Assert.Contains("uitkomst", page.Text("#checklist"));
        Assert.Equal("true", page.QuerySelector("#veld-start_year")!.GetAttribute("aria-invalid"));
        Assert.Contains("fout-start_year", page.QuerySelector("#veld-start_year")!.GetAttribute("aria-describedby"));
        Assert.Equal("Zonder uitkomst", page.QuerySelector("#veld-title")!.GetAttribute("value"));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ContentDb>().Items.AnyAsync(i => i.Title == "Zonder uitkomst"));
    }

    [Fact]
    public async Task An_auteur_cannot_publish_but_can_offer_for_review_and_a_redacteur_publishes()
    {
        var (auteur, _) = await factory.SignedInAsync(Roles.Author);
        var (created, _) = await PostAsync(auteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", NewCase("Klusbus in de wijk"), ("actie", "opslaan"));
        var path = created.Headers.Location!.OriginalString.Split('?')[0];
        var item = await LoadCaseAsync("Klusbus in de wijk");

        var fields = NewCase("Klusbus in de wijk");
        fields["version"] = item.Version.ToString();
        var (refused, page) = await PostAsync(auteur, path, fields, ("actie", "publiceren"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("mag niet publiceren", page.QuerySelector("#veld-actie")!.TextContent);
        Assert.Equal(ContentStatus.Draft, (await LoadCaseAsync("Klusbus in de wijk")).Status);

        var (offered, _) = await PostAsync(auteur, path, fields, ("actie", "aanbieden"));
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        Assert.Equal(ContentStatus.InReview, (await LoadCaseAsync("Klusbus in de wijk")).Status);
        // Offered means handed over: the auteur reads it, without a form to change it.
        var locked = await auteur.GetPageAsync(path);
        Assert.Null(locked.QuerySelector("button[value=opslaan]"));

        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        fields["version"] = (await LoadCaseAsync("Klusbus in de wijk")).Version.ToString();
        var (published, _) = await PostAsync(redacteur, path, fields, ("actie", "publiceren"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        await factory.CreatePlainClient().GetPageAsync("/praktijkvoorbeelden/klusbus-in-de-wijk");
    }

    [Fact]
    public async Task An_auteur_cannot_open_someone_elses_item()
    {
        var (auteur, _) = await factory.SignedInAsync(Roles.Author);
        var seed = await LoadCaseAsync("Een jongerenraad zonder jongeren");
        var response = await auteur.GetAsync($"/beheer/inhoud/{seed.Id}");
        Assert.Contains("/beheer/geen-toegang", response.Headers.Location!.ToString());
        var post = await auteur.PostAsync($"/beheer/inhoud/{seed.Id}", new FormUrlEncodedContent([]));
        Assert.True(post.StatusCode is HttpStatusCode.BadRequest || post.Headers.Location?.ToString().Contains("geen-toegang") == true);
    }

    [Fact]
    public async Task The_second_save_of_a_stale_copy_gets_a_conflict_showing_both_versions()
    {
        var (anna, _) = await factory.SignedInAsync(Roles.Editor);
        var (bram, _) = await factory.SignedInAsync(Roles.Editor);
        var (created, _) = await PostAsync(anna, "/beheer/inhoud/nieuw/praktijkvoorbeeld", NewCase("Twee redacteuren"), ("actie", "opslaan"));
        var path = created.Headers.Location!.OriginalString.Split('?')[0];
        var version = (await LoadCaseAsync("Twee redacteuren")).Version.ToString();

        var annas = NewCase("Twee redacteuren");
        annas["version"] = version;
        annas["f.summary"] = "Anna's samenvatting.";
        var brams = new Dictionary<string, string>(annas) { ["f.summary"] = "Brams samenvatting." };

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(anna, path, annas, ("actie", "opslaan"))).Response.StatusCode);
        var (conflict, page) = await PostAsync(bram, path, brams, ("actie", "opslaan"));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var snapshots = page.QuerySelectorAll(".conflict .snapshot").Select(s => s.TextContent).ToList();
        Assert.Contains("Brams samenvatting.", snapshots[0]);
        Assert.Contains("Anna's samenvatting.", snapshots[1]);
        Assert.Equal("Anna's samenvatting.", (await LoadCaseAsync("Twee redacteuren")).Summary);
    }

    [Fact]
    public async Task A_draft_preview_is_the_public_page_exactly()
    {
        var (auteur, _) = await factory.SignedInAsync(Roles.Author);
        var fields = NewCase("Voorbeeld van een buurtkrant");
        var (created, _) = await PostAsync(auteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", fields, ("f.themes", "eenzaamheid"), ("actie", "opslaan"));
        var path = created.Headers.Location!.OriginalString.Split('?')[0];

        var preview = await auteur.GetPageAsync(path + "/voorbeeld");
        Assert.Contains("Voorbeeld.", preview.Text(".preview-notice"));
        Assert.Equal("Voorbeeld van een buurtkrant", preview.Text("article h1"));
        await factory.CreatePlainClient().GetPageAsync("/praktijkvoorbeelden/voorbeeld-van-een-buurtkrant", expectedStatus: 404);
        var (otherAuteur, _) = await factory.SignedInAsync(Roles.Author);
        Assert.Contains("/beheer/geen-toegang", (await otherAuteur.GetAsync(path + "/voorbeeld")).Headers.Location!.ToString());

        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        fields["version"] = (await LoadCaseAsync("Voorbeeld van een buurtkrant")).Version.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(redacteur, path, fields, ("f.themes", "eenzaamheid"), ("actie", "publiceren"))).Response.StatusCode);
        // "Meer zoals dit" comes from search, which indexes in the background: compare once it has the item.
        var anonymous = factory.CreatePlainClient();
        for (var tries = 0; tries < 200 && !(await anonymous.GetStringAsync("/api/v1/search?q=buurtkrant")).Contains("voorbeeld-van-een-buurtkrant"); tries++)
            await Task.Delay(50);
        var previewAfter = await redacteur.GetPageAsync(path + "/voorbeeld");
        var publicPage = await factory.CreatePlainClient().GetPageAsync("/praktijkvoorbeelden/voorbeeld-van-een-buurtkrant");
        Assert.Equal(publicPage.QuerySelector("article")!.OuterHtml, previewAfter.QuerySelector("article")!.OuterHtml);
    }

    [Fact]
    public async Task Scheduling_needs_a_moment_in_the_future()
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var (created, _) = await PostAsync(redacteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", NewCase("Later publiceren"), ("actie", "opslaan"));
        var path = created.Headers.Location!.OriginalString.Split('?')[0];
        var fields = NewCase("Later publiceren");
        fields["version"] = (await LoadCaseAsync("Later publiceren")).Version.ToString();

        var (past, page) = await PostAsync(redacteur, path, fields, ("actie", "inplannen"), ("inplannen_op", "2020-01-01T10:00"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.Contains("in de toekomst", page.QuerySelector("#veld-actie")!.TextContent);

        var future = DutchTime.ToLocal(factory.Clock.Now.UtcDateTime.AddDays(3)).ToString("yyyy-MM-ddTHH:mm");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(redacteur, path, fields, ("actie", "inplannen"), ("inplannen_op", future))).Response.StatusCode);
        var saved = await LoadCaseAsync("Later publiceren");
        Assert.True(saved.IsScheduledAt(factory.Clock.Now.UtcDateTime));
    }
}

public class RevisionPagesTests(RevisionPagesTests.Factory factory) : IClassFixture<RevisionPagesTests.Factory>
{
    public sealed class Factory : SiteFactory;

    [Fact]
    public async Task Comparing_shows_only_changed_fields_with_Dutch_labels_marked_words_titles_and_names()
    {
        var (redacteur, editor) = await factory.SignedInAsync(Kennisplatform.Web.Accounts.Roles.Editor);
        await NameAsync(editor, "Rosa Jansen");
        var (id, original) = await ItemAsync("wandelgroep-die-stopte");
        var changed = original.Replace("twee jaar", "drie jaar");
        Assert.NotEqual(original, changed);
        await SaveAsync(redacteur, id, changed, addTheme: "wonen-en-leefomgeving");

        var compared = await redacteur.GetPageAsync($"/beheer/inhoud/{id}/versies?van=1&naar=2");
        var summary = compared.QuerySelector("#verschil-summary")!;
        Assert.Equal("Samenvatting", summary.QuerySelector("h3")!.TextContent);
        // Word by word: the changed word is marked, the rest of the sentence is not.
        Assert.Equal("[weggehaald: twee]", summary.QuerySelector("del")!.TextContent);
        Assert.Equal("[toegevoegd: drie]", summary.QuerySelector("ins")!.TextContent);
        Assert.Contains("Een beweegprogramma liep", summary.TextContent);
        // Links show the title of what they link to, never its slug.
        var themes = compared.QuerySelector("#verschil-themes")!;
        Assert.Equal("Thema's", themes.QuerySelector("h3")!.TextContent);
        var addedTheme = themes.QuerySelector("ins")!.TextContent;
        Assert.DoesNotContain("wonen-en-leefomgeving", addedTheme);
        Assert.StartsWith("[toegevoegd: ", addedTheme);
        // Unchanged fields are left out; no YAML keys; people by name.
        Assert.Null(compared.QuerySelector("#verschil-title"));
        Assert.Null(compared.QuerySelector("#verschil-municipality"));
        Assert.DoesNotContain("summary:", compared.QuerySelector("main")!.TextContent);
        Assert.Contains("Rosa Jansen", compared.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(editor.Email!, compared.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Restoring_asks_for_confirmation_and_then_makes_a_new_revision()
    {
        var (redacteur, _) = await factory.SignedInAsync(Kennisplatform.Web.Accounts.Roles.Editor);
        var (id, original) = await ItemAsync("moestuin-tussen-de-flats");
        await SaveAsync(redacteur, id, "Een nieuwe samenvatting van de redactie.");

        // The list offers no button that restores at once: only a link to the confirmation.
        var list = await redacteur.GetPageAsync($"/beheer/inhoud/{id}/versies");
        Assert.Empty(list.QuerySelectorAll("form[action*='handler=Restore']"));
        var link = list.QuerySelectorAll("a").Single(a => a.TextContent == "Versie 1 terugzetten").GetAttribute("href")!;
        var confirm = await redacteur.GetPageAsync(link);
        Assert.Contains("Versie 1 terugzetten?", confirm.QuerySelector("#terugzetten-kop")!.TextContent);
        // The right-hand side reads as the text after restoring, once the words for screen readers are left out.
        var restoredSide = confirm.QuerySelectorAll("#verschil-summary .change__text")[1];
        foreach (var spoken in restoredSide.QuerySelectorAll(".visually-hidden").ToList())
            spoken.Remove();
        Assert.Equal(original, restoredSide.TextContent);
        var form = confirm.QuerySelector("form[action*='handler=Restore']")!;
        Assert.Equal("post", form.GetAttribute("method"));

        var restored = await redacteur.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ContentDb>();
        Assert.Equal(original, (await db.Items.AsNoTracking().SingleAsync(i => i.Id == id)).Summary);
        Assert.Equal(3, await db.Revisions.CountAsync(r => r.ItemId == id));
        var after = await redacteur.GetPageAsync($"/beheer/inhoud/{id}/versies");
        Assert.Equal(3, after.QuerySelectorAll("table").Last().QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public void Word_diff_marks_the_changed_words_only()
    {
        var (old, now) = Kennisplatform.Web.Editing.WordDiff.Compare("De buren koken elke week samen.", "De buren eten elke week samen.");
        Assert.Equal([new("De buren ", false), new("koken", true), new(" elke week samen.", false)], old);
        Assert.Equal([new("De buren ", false), new("eten", true), new(" elke week samen.", false)], now);
        var html = Kennisplatform.Web.Editing.PieceMarkup.Render(old, removed: true).Value;
        Assert.Equal("De buren <del><span class=\"visually-hidden\">[weggehaald: </span>koken<span class=\"visually-hidden\">]</span></del> elke week samen.", html);
    }

    private async Task<(int Id, string Summary)> ItemAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<ContentDb>().Items.AsNoTracking().SingleAsync(i => i.Slug == slug);
        return (item.Id, item.Summary);
    }

    private async Task NameAsync(Kennisplatform.Web.Accounts.Editor editor, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Kennisplatform.Web.Accounts.Editor>>();
        var stored = (await users.FindByIdAsync(editor.Id))!;
        stored.DisplayName = name;
        await users.UpdateAsync(stored);
    }

    /// <summary>Saves the item as the edit form would post it, with a new summary and optionally one more theme.</summary>
    private static async Task SaveAsync(HttpClient redacteur, int id, string summary, string? addTheme = null)
    {
        var edit = await redacteur.GetPageAsync($"/beheer/inhoud/{id}");
        var fields = edit.QuerySelectorAll("form.edit-form input[name], form.edit-form textarea[name], form.edit-form select[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "submit") || e.HasAttribute("checked") || e.GetAttribute("value") == addTheme)
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!,
                e is AngleSharp.Html.Dom.IHtmlSelectElement s ? s.Value ?? "" : e is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? ""))
            .Where(f => f.Key is not ("f.summary" or "actie" or "inplannen_op" or "opmerking"))
            .Append(new("f.summary", summary)).Append(new("actie", "opslaan"));
        var saved = await redacteur.PostAsync($"/beheer/inhoud/{id}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static async Task<HttpResponseMessage> PreviewAsync(HttpClient browser, string markdown, bool withToken = true)
    {
        const string path = "/beheer/inhoud/nieuw/praktijkvoorbeeld";
        var request = new HttpRequestMessage(HttpMethod.Post, path + "?handler=Weergave") { Content = new FormUrlEncodedContent([new("markdown", markdown)]) };
        if (withToken)
            request.Headers.Add("RequestVerificationToken", await SiteFactory.TokenAsync(browser, path));
        return await browser.SendAsync(request);
    }

    [Fact]
    public async Task The_live_preview_is_the_public_renderer_and_sanitiser_and_only_for_editors()
    {
        var (auteur, _) = await factory.SignedInAsync(Roles.Author);
        const string markdown = "## Kopje\n\nEen **vette** tekst met [een link](https://example.org) en ![foto](/media/1/foto.png).";
        var response = await PreviewAsync(auteur, markdown);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var renderer = factory.Services.GetRequiredService<Kennisplatform.Content.Rendering.MarkdownRenderer>();
        Assert.Equal(renderer.ToHtml(markdown), await response.Content.ReadAsStringAsync());

        foreach (var payload in XssPayloads.All)
        {
            var html = await (await PreviewAsync(auteur, "Tekst vooraf.\n\n" + payload)).Content.ReadAsStringAsync();
            var fragment = await new HtmlParser().ParseDocumentAsync("<div>" + html + "</div>");
            Assert.Empty(fragment.QuerySelectorAll(XssPayloads.Forbidden));
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }

        var tooLong = await (await PreviewAsync(auteur, new string('a', Kennisplatform.Web.Pages.Beheer.BewerkenModel.PreviewLimit + 1))).Content.ReadAsStringAsync();
        Assert.Contains("te lang voor het directe voorbeeld", tooLong);

        Assert.Equal(HttpStatusCode.BadRequest, (await PreviewAsync(auteur, "x", withToken: false)).StatusCode);
        var stranger = factory.NewBrowser();
        var anonymous = new HttpRequestMessage(HttpMethod.Post, "/beheer/inhoud/nieuw/praktijkvoorbeeld?handler=Weergave") { Content = new FormUrlEncodedContent([new("markdown", "x")]) };
        anonymous.Headers.Add("RequestVerificationToken", await SiteFactory.TokenAsync(stranger, "/beheer/inloggen"));
        var refused = await stranger.SendAsync(anonymous);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("http://localhost/beheer/inloggen", refused.Headers.Location!.ToString());
    }
}
