using System.Net;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>A beheerder removes an account after a confirmation; what the account wrote stays readable.</summary>
public class AccountRemovalTests(AccountRemovalTests.Factory factory) : IClassFixture<AccountRemovalTests.Factory>
{
    public sealed class Factory : SiteFactory;

    private static async Task<HttpResponseMessage> RemoveAsync(HttpClient admin, string id) =>
        await admin.PostAsync("/beheer/gebruikers?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id, ["__RequestVerificationToken"] = await SiteFactory.TokenAsync(admin, "/beheer/gebruikers"),
        }));

    private async Task<bool> ExistsAsync(string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<Editor>>().FindByIdAsync(id) is not null;
    }

    [Fact]
    public async Task Removing_asks_first_then_is_logged_and_the_history_stays_readable()
    {
        var (admin, remover) = await factory.SignedInAsync(Roles.Administrator);
        var (auteur, writer) = await factory.SignedInAsync(Roles.Author);
        var (created, _) = await EditingTests.PostAsync(auteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", EditingTests.NewCase("Buurtkeuken op woensdag"), ("actie", "opslaan"));
        var itemPath = created.Headers.Location!.OriginalString.Split('?')[0];

        // The link only asks: the account is still there until the confirmation is posted.
        var confirm = await admin.GetPageAsync($"/beheer/gebruikers?verwijderen={writer.Id}");
        Assert.Contains(writer.DisplayName, confirm.Text("#verwijderen-kop"));
        Assert.True(await ExistsAsync(writer.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await RemoveAsync(admin, writer.Id)).StatusCode);
        Assert.False(await ExistsAsync(writer.Id));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var entry = await scope.ServiceProvider.GetRequiredService<ContentDb>().Audit.AsNoTracking().SingleAsync(a => a.Subject == writer.Email);
            Assert.StartsWith("account verwijderd", entry.Action);
        }
        // What the account wrote still opens, without its address, for a redacteur and in the log.
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var history = await redacteur.GetPageAsync(itemPath + "/versies");
        Assert.Contains("een account dat niet meer bestaat", history.Text("main"));
        Assert.DoesNotContain(writer.Email!, history.DocumentElement.OuterHtml);
        await redacteur.GetPageAsync(itemPath);
        await redacteur.GetPageAsync("/beheer/inhoud");
        // The address is gone from the content database (the audit log keeps it): a new account with it is not the author.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
            Assert.False(await db.Items.AnyAsync(i => i.Author == writer.Email));
            Assert.False(await db.Revisions.AnyAsync(r => r.Author == writer.Email));
            // Nor in a version's saved text, so restoring an old version does not bring it back.
            Assert.False(await db.Revisions.AnyAsync(r => r.Snapshot.Contains(writer.Email!)));
            Assert.True(await db.Items.AnyAsync(i => i.Title == "Buurtkeuken op woensdag" && i.Author == Kennisplatform.Web.Accounts.NameBook.Gone));
        }
        // The log names who removed it by name.
        var log = await admin.GetPageAsync("/beheer/logboek");
        var row = log.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("account verwijderd"));
        Assert.Equal(remover.DisplayName, row.QuerySelectorAll("td")[1].TextContent);
        await admin.GetPageAsync("/beheer");
    }

    [Theory]
    [InlineData("author: a@b.nl\n", "author: een account dat niet meer bestaat\n")]
    [InlineData("{\"Author\":\"a@b.nl\"}", "{\"Author\":\"een account dat niet meer bestaat\"}")]
    [InlineData("Vraag het a@b.nl.", "Vraag het een account dat niet meer bestaat.")]
    [InlineData("author: xa@b.nl", "author: xa@b.nl")]
    [InlineData("author: ann.a@b.nl", "author: ann.a@b.nl")]
    [InlineData("author: a@b.nl.example", "author: a@b.nl.example")]
    [InlineData("author: a@b.nlx", "author: a@b.nlx")]
    public void A_version_loses_the_removed_address_but_keeps_addresses_that_merely_contain_it(string text, string expected) =>
        Assert.Equal(expected, RemovedAccounts.WithoutAddress(text, "a@b.nl"));

    [Fact]
    public async Task A_beheerder_cannot_remove_their_own_account()
    {
        var (admin, self) = await factory.SignedInAsync(Roles.Administrator);
        await factory.SignedInAsync(Roles.Administrator);

        var list = await admin.GetPageAsync("/beheer/gebruikers");
        Assert.DoesNotContain(list.Links("a[href*='verwijderen=']"), l => l.EndsWith(self.Id));
        var asked = await admin.GetPageAsync($"/beheer/gebruikers?verwijderen={self.Id}");
        Assert.Null(asked.QuerySelector("form[action*='handler=Remove']"));
        Assert.Contains("eigen account", asked.Text("[role=alert]"));

        var refused = await RemoveAsync(admin, self.Id);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("eigen account", await refused.Content.ReadAsStringAsync());
        Assert.True(await ExistsAsync(self.Id));
    }

    [Fact]
    public async Task The_last_active_beheerder_cannot_be_removed()
    {
        // A takes the form while still a beheerder; B demotes A before A posts. A's session carries the beheerder role,
        // but the back office compares the account's stamp on every request, and the removal is checked against the
        // beheerders as they are now (AccountsTests holds the same for two changes at the same moment).
        var (a, aAccount) = await factory.SignedInAsync(Roles.Administrator);
        var (b, bAccount) = await factory.SignedInAsync(Roles.Administrator);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            foreach (var other in (await users.GetUsersInRoleAsync(Roles.Administrator)).Where(u => u.Id != aAccount.Id && u.Id != bAccount.Id))
                await users.SetLockoutEndDateAsync(other, DateTimeOffset.MaxValue);
        }
        var aToken = await SiteFactory.TokenAsync(a, "/beheer/gebruikers");
        Assert.Equal(HttpStatusCode.Redirect, (await b.PostAsync("/beheer/gebruikers?handler=Role", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = aAccount.Id, ["role"] = Roles.Author, ["__RequestVerificationToken"] = await SiteFactory.TokenAsync(b, "/beheer/gebruikers"),
        }))).StatusCode);

        var refused = await a.PostAsync("/beheer/gebruikers?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = bAccount.Id, ["__RequestVerificationToken"] = aToken,
        }));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("http://localhost/beheer/inloggen", refused.Headers.Location!.ToString());
        Assert.True(await ExistsAsync(bAccount.Id));
        // B, the last active beheerder, cannot remove itself either.
        var own = await RemoveAsync(b, bAccount.Id);
        Assert.Contains("eigen account", await own.Content.ReadAsStringAsync());
        Assert.True(await ExistsAsync(bAccount.Id));
    }
}
