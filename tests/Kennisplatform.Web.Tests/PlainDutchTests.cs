using Kennisplatform.Web.Accounts;

namespace Kennisplatform.Web.Tests;

/// <summary>No English framework text in the markup of the back office and the public forms, attributes included.</summary>
public class PlainDutchTests(PlainDutchTests.Factory factory) : IClassFixture<PlainDutchTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private static readonly string[] English = ["The field", "is required", "must be a", "is not a valid", "The value", "field is", "data-val-"];

    [Fact]
    public async Task Forms_carry_no_English_validation_text_not_even_in_data_val_attributes()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        string[] backOffice = ["/beheer", "/beheer/gebruikers", "/beheer/media", "/beheer/account", "/beheer/inhoud", "/beheer/inhoud/nieuw/praktijkvoorbeeld", "/beheer/inhoud/nieuw/bijeenkomst",
            "/beheer/aanmeldingen", "/beheer/inzendingen", "/beheer/geprobeerd", "/beheer/logboek", "/beheer/zoekwoorden"];
        string[] open = ["/deel-je-ervaring", "/contact", "/op-de-hoogte", "/beheer/inloggen", "/beheer/wachtwoord-vergeten"];
        var found = new List<string>();
        foreach (var (client, path) in backOffice.Select(p => (admin, p)).Concat(open.Select(p => (factory.CreatePlainClient(), p))))
        {
            var html = await client.GetStringAsync(path);
            found.AddRange(English.Where(e => html.Contains(e, StringComparison.Ordinal)).Select(e => $"'{e}' on {path}"));
        }
        Assert.Empty(found);
    }

    [Fact]
    public async Task A_too_long_name_for_a_new_account_is_refused_in_Dutch()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Administrator);
        var response = await admin.PostAsync("/beheer/gebruikers?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = new string('a', 201), ["Email"] = $"lang-{Guid.NewGuid():N}@example.org", ["Role"] = Roles.Author,
            ["__RequestVerificationToken"] = await SiteFactory.TokenAsync(admin, "/beheer/gebruikers"),
        }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Een naam is hoogstens 200 tekens.", html);
        Assert.DoesNotContain(English, e => html.Contains(e, StringComparison.Ordinal));
    }
}
