using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kennisplatform.Browser.Tests;

/// <summary>"Voordat je begint" on paper: every theme's checklist prints on one A4 page, without the form or menus.</summary>
public partial class ChecklistPrintTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();

    [Fact]
    public async Task Every_theme_checklist_prints_on_one_page_with_its_questions_and_without_the_form()
    {
        var form = await site.OpenAsync("/voordat-je-begint");
        var themes = await form.EvalOnSelectorAllAsync<string[]>("#thema option[value]:not([value=''])", "os => os.map(o => o.value)");
        await form.CloseAsync();
        Assert.NotEmpty(themes);

        var printedPatterns = 0;
        foreach (var theme in themes)
        {
            var page = await site.OpenAsync($"/voordat-je-begint?thema={theme}");
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            Assert.False(await page.IsVisibleAsync(".checklist-form"), $"{theme}: the form is printed");
            Assert.False(await page.IsVisibleAsync(".site-header"), $"{theme}: the menu is printed");
            var questions = await page.Locator(".checklist__question").CountAsync();
            printedPatterns += questions;
            var pdf = Encoding.Latin1.GetString(await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = false }));
            await page.CloseAsync();
            Assert.True(PdfPage().Matches(pdf).Count == 1, $"{theme}: the checklist with {questions} patterns prints on {PdfPage().Matches(pdf).Count} pages");
        }
        Assert.True(printedPatterns > 0, "no theme's checklist names a failure pattern");
    }
}
