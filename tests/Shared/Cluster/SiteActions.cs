using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Kennisplatform.Testing.Cluster;

/// <summary>What an editor and a visitor do through HTTP, as a browser would (forms with their antiforgery token).</summary>
public static class SiteActions
{
    public const string NewCasePath = "/beheer/inhoud/nieuw/praktijkvoorbeeld";

    /// <summary>Signs in; returns the sign-in response (a redirect when it worked) for its cookies.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password)
    {
        var token = await TokenAsync(browser, "/beheer/inloggen");
        return await browser.PostAsync("/beheer/inloggen", Form(("Email", email), ("Password", password), ("__RequestVerificationToken", token)));
    }

    /// <summary>Saves a case through the edit form with <paramref name="action"/> (opslaan, publiceren, inplannen). Returns the status and the item's edit path.</summary>
    public static async Task<(HttpStatusCode Status, string Path)> SaveCaseAsync(HttpClient editor, string title, string action,
        string path = NewCasePath, int version = 0, string summary = "Een korte samenvatting.", params (string Key, string Value)[] extra)
    {
        var token = await TokenAsync(editor, path);
        using var response = await editor.PostAsync(path, Form([
            ("f.title", title), ("f.summary", summary), ("f.outcome", "geslaagd"), ("f.municipality", "Deventer"),
            ("body", "Het **verhaal**."), ("version", version.ToString(CultureInfo.InvariantCulture)), ("actie", action),
            ("__RequestVerificationToken", token), .. extra]));
        return (response.StatusCode, response.Headers.Location?.OriginalString.Split('?')[0] ?? "");
    }

    public static async Task<string> TokenAsync(HttpClient browser, string path)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(path));
        return page.QuerySelector("form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No form with an antiforgery token on {path}.");
    }

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>Whether <paramref name="node"/>'s own search finds an item whose slug holds <paramref name="word"/>.</summary>
    public static async Task<bool> FindsAsync(PlatformNode node, string word)
    {
        var result = await node.Client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={word}");
        // By slug, not by total: a word not found yet may be "corrected" into another that is.
        return result.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("slug").GetString()!.Contains(word, StringComparison.Ordinal));
    }
}
