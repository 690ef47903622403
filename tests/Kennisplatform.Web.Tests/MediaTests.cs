using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Kennisplatform.Web.Accounts;

namespace Kennisplatform.Web.Tests;

public class MediaTests(MediaTests.Factory factory) : IClassFixture<MediaTests.Factory>
{
    public sealed class Factory : SiteFactory;

    // The smallest valid PNG: one transparent pixel.
    internal static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    internal static async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> UploadAsync(HttpClient browser, byte[] bytes, string name, string alt)
    {
        var token = await SiteFactory.TokenAsync(browser, "/beheer/media");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", name);
        form.Add(new StringContent(alt), "AltText");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await browser.PostAsync("/beheer/media?handler=Upload", form);
        if (response.StatusCode == System.Net.HttpStatusCode.Redirect)
        {
            Assert.Equal("/beheer/media", response.Headers.Location!.OriginalString);
            response = await browser.GetAsync(response.Headers.Location);
        }
        return (response, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_image_with_alt_text_is_stored_outside_the_web_root_and_served_with_safe_headers()
    {
        var (auteur, _) = await factory.SignedInAsync(Roles.Author);
        var (response, page) = await UploadAsync(auteur, Png, "Foto van het plein.PNG", "Kinderen spelen op het plein");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The upload ended in a redirect: the form is empty again and a refresh does not upload twice.
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("#AltText")!.GetAttribute("value")));
        Assert.Contains("is opgeslagen", page.Text("[role=status]"));
        var markdown = page.QuerySelectorAll("td code").Select(c => c.TextContent).First(t => t.Contains("foto-van-het-plein.png"));
        Assert.StartsWith("![Kinderen spelen op het plein](/media/", markdown);
        var url = markdown[(markdown.IndexOf('(') + 1)..^1];

        using var file = await factory.CreatePlainClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", file.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(Png, await file.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(Directory.EnumerateFiles(Kennisplatform.Web.Hosting.SiteFolders.WebRoot(), "*", SearchOption.AllDirectories), f => f.Contains("foto-van-het-plein"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(factory.DataFolder, "media"), "*.png"));
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>", "stiekem.png", "Plaatje", "geen afbeelding")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "logo.svg", "Logo", "geen afbeelding")]
    [InlineData("MZ\u0090\u0000 executable", "rapport.pdf", "", "geen afbeelding")]
    public async Task A_file_is_judged_by_its_content_not_its_name(string content, string name, string alt, string message)
    {
        var (editor, _) = await factory.SignedInAsync(Roles.Editor);
        var (response, page) = await UploadAsync(editor, System.Text.Encoding.UTF8.GetBytes(content), name, alt);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task An_image_needs_alt_text_and_files_have_a_size_limit()
    {
        var (editor, _) = await factory.SignedInAsync(Roles.Editor);
        var (noAlt, page) = await UploadAsync(editor, Png, "zonder.png", "");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAlt.StatusCode);
        Assert.Contains("alt-tekst", page.QuerySelector("[role=alert]")!.TextContent);

        var tooBig = new byte[11 * 1024 * 1024];
        Png.CopyTo(tooBig, 0);
        var (big, bigPage) = await UploadAsync(editor, tooBig, "groot.png", "Groot");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, big.StatusCode);
        Assert.Contains("te groot", bigPage.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task An_upload_over_the_form_limit_is_refused_without_a_server_error()
    {
        var (editor, _) = await factory.SignedInAsync(Roles.Editor);
        var huge = new byte[13 * 1024 * 1024];
        Png.CopyTo(huge, 0);
        var (response, _) = await UploadAsync(editor, huge, "enorm.png", "Enorm");
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task A_file_in_use_cannot_be_deleted_and_an_unused_one_can()
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var (_, page) = await UploadAsync(redacteur, Png, "in-gebruik.png", "In gebruik");
        var markdown = page.QuerySelectorAll("td code").Select(c => c.TextContent).First(t => t.Contains("in-gebruik.png"));
        var id = markdown.Split('/')[2];
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%test\n");
        var (pdfResponse, pdfPage) = await UploadAsync(redacteur, pdf, "los rapport.pdf", "");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        var pdfId = pdfPage.QuerySelectorAll("td code").Select(c => c.TextContent).First(t => t.Contains("los-rapport.pdf")).Split('/')[2];

        var item = new Kennisplatform.Content.Cases.Case { Title = "Met afbeelding", Outcome = Kennisplatform.Content.Cases.CaseOutcome.Succeeded, Body = "Kijk:\n\n" + markdown };
        item.Publish(factory.Clock.Now.UtcDateTime.AddMinutes(-1));
        await factory.SaveAsync(item);
        var shown = await factory.CreatePlainClient().GetPageAsync("/praktijkvoorbeelden/met-afbeelding");
        Assert.Equal("In gebruik", shown.QuerySelector("article img")!.GetAttribute("alt"));

        async Task<HttpResponseMessage> DeleteAsync(string which)
        {
            var token = await SiteFactory.TokenAsync(redacteur, "/beheer/media");
            return await redacteur.PostAsync("/beheer/media?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = which, ["__RequestVerificationToken"] = token }));
        }
        var list = await redacteur.GetPageAsync("/beheer/media");
        var rows = list.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("td a")!.TextContent, r => r.QuerySelectorAll("td")[2].TextContent);
        Assert.Equal("1 tekst", rows["in-gebruik.png"]);
        Assert.Equal("nergens", rows["los-rapport.pdf"]);
        var refused = await DeleteAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Met afbeelding", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreatePlainClient().GetAsync(markdown[(markdown.IndexOf('(') + 1)..^1])).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(pdfId)).StatusCode);
        Assert.Contains("Het bestand is verwijderd.", (await redacteur.GetPageAsync("/beheer/media")).Text("[role=status]"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreatePlainClient().GetAsync($"/media/{pdfId}/los-rapport.pdf")).StatusCode);
    }
}
