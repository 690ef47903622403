using Kennisplatform.Web.Accounts;
using Microsoft.Playwright;

namespace Kennisplatform.Browser.Tests;

/// <summary>The Markdown editor in the browser: toolbar, live preview, keyboard, and the plain textarea without JavaScript.</summary>
public class MarkdownEditorTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string NewCase = "/beheer/inhoud/nieuw/praktijkvoorbeeld";

    [Fact]
    public async Task The_toolbar_formats_the_selection_and_the_live_preview_shows_the_sanitised_result()
    {
        var context = await site.SignedInContextAsync(Roles.Author);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + NewCase);

        var toolbar = page.Locator("markdown-toolbar[for=veld-body]");
        await Assertions.Expect(toolbar).ToBeVisibleAsync();
        Assert.Equal("toolbar", await toolbar.GetAttributeAsync("role"));
        await Assertions.Expect(page.Locator("#voorbeeld-body")).ToBeVisibleAsync();

        // Select a word and press "Vet": the textarea gets the Markdown, the preview the bold text.
        await page.FillAsync("#veld-body", "De buurt kookt samen.");
        await page.EvaluateAsync("() => { const t = document.getElementById('veld-body'); t.focus(); t.setSelectionRange(9, 14); }");
        await toolbar.Locator("md-bold").ClickAsync();
        Assert.Equal("De buurt **kookt** samen.", await page.InputValueAsync("#veld-body"));
        await Assertions.Expect(page.Locator("#voorbeeld-body strong")).ToHaveTextAsync("kookt");

        // Typing more updates the preview; a script in the text is rendered harmless, as on the public page.
        await page.PressAsync("#veld-body", "End");
        await page.Keyboard.TypeAsync("\n\n## Wat werkte\n\n<script>window.hacked = 1</script><img src=x alt=\"\" onerror=\"window.hacked = 1\">");
        await Assertions.Expect(page.Locator("#voorbeeld-body .markdown-editor__output h2")).ToHaveTextAsync("Wat werkte");
        Assert.Equal(0, await page.Locator("#voorbeeld-body script, #voorbeeld-body [onerror]").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.hacked === undefined"));

        // The toolbar is one tab stop; arrow keys move between its buttons.
        await toolbar.Locator("md-header").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("Vet", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));

        Assert.Empty(await Checks.AxeAsync(page));
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_image_from_the_library_goes_in_at_the_cursor_with_the_keyboard_and_nothing_scrolls_sideways_at_320_pixels()
    {
        var context = await site.SignedInContextAsync(Roles.Editor);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/beheer/media");
        await page.SetInputFilesAsync("#Upload", new FilePayload
        {
            Name = "moestuin-bakken.png", MimeType = "image/png",
            Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
        });
        await page.FillAsync("#AltText", "Drie moestuinbakken voor de flat");
        await page.ClickAsync("button:has-text('Uploaden')");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("moestuin-bakken");

        await page.SetViewportSizeAsync(320, 800);
        await page.GotoAsync(site.BaseUrl + NewCase);
        await page.FillAsync("#veld-body", "Eerste alinea.\n\nTweede alinea.");
        await page.EvaluateAsync("() => { const t = document.getElementById('veld-body'); t.focus(); t.setSelectionRange(14, 14); }");
        await page.FocusAsync("#afbeeldingen summary");
        await page.Keyboard.PressAsync("Enter");
        var insert = page.Locator("#afbeeldingen li", new() { HasText = "Drie moestuinbakken voor de flat" }).Locator("button[data-insert-image]");
        await Assertions.Expect(insert).ToBeVisibleAsync();
        await insert.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var body = await page.InputValueAsync("#veld-body");
        Assert.Matches(@"^Eerste alinea\.\n\n!\[Drie moestuinbakken voor de flat\]\(/media/\d+/moestuin-bakken\.png\)\n\nTweede alinea\.$", body);
        Assert.Equal("veld-body", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await Assertions.Expect(page.Locator("#voorbeeld-body img[alt='Drie moestuinbakken voor de flat']")).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 320);
        Assert.Empty(await Checks.AxeAsync(page));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_wide_image_in_a_published_text_fits_the_column_at_320_pixels()
    {
        var context = await site.SignedInContextAsync(Roles.Editor);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/beheer/media");
        // A photo 1,600 pixels wide, drawn by the browser itself.
        var png = await page.EvaluateAsync<string>("() => { const c = document.createElement('canvas'); c.width = 1600; c.height = 400; const g = c.getContext('2d'); g.fillStyle = '#3a7'; g.fillRect(0, 0, 1600, 400); return c.toDataURL('image/png').split(',')[1]; }");
        await page.SetInputFilesAsync("#Upload", new FilePayload { Name = "brede-foto.png", MimeType = "image/png", Buffer = Convert.FromBase64String(png) });
        await page.FillAsync("#AltText", "Brede foto van het plein");
        await page.ClickAsync("button:has-text('Uploaden')");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("brede-foto");
        var url = await page.Locator("img[alt='Brede foto van het plein']").First.GetAttributeAsync("src");

        await page.GotoAsync(site.BaseUrl + NewCase);
        await page.FillAsync("#veld-title", "Plein met een brede foto");
        await page.FillAsync("#veld-summary", "Een plein in beeld.");
        await page.SelectOptionAsync("#veld-outcome", "geslaagd");
        await page.FillAsync("#veld-municipality", "Zwolle");
        await page.FillAsync("#veld-body", $"Zo ziet het plein eruit.\n\n![Brede foto van het plein]({url})");
        await page.ClickAsync("button[value=publiceren]");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("status: Gepubliceerd");
        await context.CloseAsync();

        var visitor = await site.OpenAsync("/praktijkvoorbeelden/plein-met-een-brede-foto", width: 320);
        var image = visitor.Locator("main img[alt='Brede foto van het plein']");
        await Assertions.Expect(image).ToHaveCountAsync(1);
        await visitor.WaitForFunctionAsync("() => { const i = document.querySelector(\"main img[alt='Brede foto van het plein']\"); return i && i.complete && i.naturalWidth === 1600; }");
        var box = await image.BoundingBoxAsync();
        Assert.True(box is { Width: > 100 } && box.X + box.Width <= 320, $"The image is {box?.Width} px wide from x={box?.X} at a 320 px viewport.");
        Assert.True(await visitor.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 320);
        await visitor.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_body_is_a_plain_textarea_that_saves()
    {
        var (signedIn, _) = await site.SignedInAsync(Roles.Author, site.BaseUrl);
        var state = await signedIn.StorageStateAsync();
        await signedIn.CloseAsync();
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, StorageState = state });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + NewCase);
        Assert.False(await page.IsVisibleAsync("markdown-toolbar"));
        Assert.False(await page.IsVisibleAsync("#voorbeeld-body"));

        await page.FillAsync("#veld-title", "Tekst zonder script");
        await page.SelectOptionAsync("#veld-outcome", "geslaagd");
        await page.FillAsync("#veld-body", "Gewoon **Markdown** getypt.");
        await page.ClickAsync("button[value=opslaan]");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Opgeslagen");
        Assert.Equal("Gewoon **Markdown** getypt.", await page.InputValueAsync("#veld-body"));
        await context.CloseAsync();
    }
}
