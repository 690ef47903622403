using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>Several nodes on one database: what they must share lives in it, and one-time work happens once.</summary>
public class SharedStateTests
{
    [Fact]
    public async Task Three_nodes_starting_together_migrate_and_import_the_seed_once_and_make_one_key_ring()
    {
        using var first = new SiteFactory();
        using var second = SiteFactory.NodeBeside(first);
        using var third = SiteFactory.NodeBeside(first);

        // Each factory starts its host on first use: all three at once, on an empty database.
        await Task.WhenAll(new[] { first, second, third }.Select(node => Task.Run(() => node.CreateClient())));

        await using var db = ContentDb.Open(first.Database);
        Assert.True(await db.Items.CountAsync() > 20);
        var revisionsPerItem = await db.Revisions.GroupBy(r => r.ItemId).Select(g => g.Count()).ToListAsync();
        Assert.All(revisionsPerItem, count => Assert.Equal(1, count));
        await using var accounts = AccountsDb.Open(first.Database);
        Assert.Single(await accounts.DataProtectionKeys.ToListAsync());
        Assert.Equal(Roles.All.Count, await accounts.Roles.CountAsync());
        foreach (var node in new[] { first, second, third })
            Assert.Equal(System.Net.HttpStatusCode.OK, (await node.CreatePlainClient().GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_on_one_node_is_recognised_by_another()
    {
        using var first = new SiteFactory();
        using var second = SiteFactory.NodeBeside(first);
        var editor = await first.CreateEditorAsync("redacteur@example.org", Roles.Editor);

        using var one = first.CreatePlainClient();
        var form = await one.GetAsync("/beheer/inloggen");
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await form.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cookies = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();

        // The form from the first node, posted to the second; the session cookie it sets, read by the first.
        var post = new HttpRequestMessage(HttpMethod.Post, "/beheer/inloggen")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = editor.Email!,
                ["Password"] = SiteFactory.EditorPassword,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        using var signedIn = await second.CreatePlainClient().SendAsync(post);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        cookies.AddRange(signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        var dashboard = new HttpRequestMessage(HttpMethod.Get, "/beheer");
        dashboard.Headers.Add("Cookie", string.Join("; ", cookies));
        using var page = await one.SendAsync(dashboard);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }
}
