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
        string[] backOffice = ["/beheer", "/beheer/gebruikers", "/beheer/media", "/beheer/account", "/beheer/inhoud", "/beheer/inhoud/nieuw/praktijkvoorbeeld", "/beheer/inhoud/nieuw/bijeenkomst"];
        string[] open = ["/deel-je-ervaring", "/contact", "/op-de-hoogte", "/beheer/inloggen", "/beheer/wachtwoord-vergeten"];
        var found = new List<string>();
        foreach (var (client, path) in backOffice.Select(p => (admin, p)).Concat(open.Select(p => (factory.CreatePlainClient(), p))))
        {
            var html = await client.GetStringAsync(path);
            found.AddRange(English.Where(e => html.Contains(e, StringComparison.Ordinal)).Select(e => $"'{e}' on {path}"));
        }
        Assert.Empty(found);
    }
}
