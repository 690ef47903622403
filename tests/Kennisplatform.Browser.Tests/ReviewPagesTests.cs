using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Reviews;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kennisplatform.Browser.Tests;

/// <summary>
/// The review pages as the people in the loop see them: an auteur's own item while it waits for review (read-only, with
/// history and remarks), their dashboard, and a redacteur's form with "Terugsturen met opmerking". axe at 1280 and
/// 320 px, no sideways scrolling, and the Nu HTML Checker.
/// </summary>
public class ReviewPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private async Task<int> OfferedCaseAsync(string author, string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var item = new Case { Title = title, Summary = "Een korte samenvatting.", Outcome = CaseOutcome.Succeeded, Municipality = "Zwolle", Body = "Het verhaal.", Author = author };
        Assert.Equal(SaveOutcome.Saved, (await store.SaveAsync(item, author, 0)).Outcome);
        item.SubmitForReview();
        Assert.Equal(SaveOutcome.Saved, (await store.SaveAsync(item, author, item.Version)).Outcome);
        var db = scope.ServiceProvider.GetRequiredService<ContentDb>();
        db.ReviewRemarks.Add(new ReviewRemark { ItemId = item.Id, WrittenAt = DateTime.UtcNow, Author = "iemand@example.org", AuthorName = "Rosa Redacteur", Text = "Een lange opmerking zonder spaties: " + new string('x', 120) });
        await db.SaveChangesAsync();
        return item.Id;
    }

    [Fact]
    public async Task Review_pages_have_no_axe_violations_no_sideways_scrolling_and_valid_html()
    {
        var (auteur, auteurAccount) = await site.SignedInAsync(Roles.Author, site.BaseUrl);
        var own = await OfferedCaseAsync(auteurAccount.UserName!, "Straatgesprekken in de avond");
        var redacteur = await site.SignedInContextAsync(Roles.Editor);

        var problems = new List<string>();
        var pages = new List<(string, string)>();
        foreach (var (context, path) in new[] { (auteur, $"/beheer/inhoud/{own}"), (auteur, "/beheer"), (redacteur, $"/beheer/inhoud/{own}"), (redacteur, "/beheer") })
            foreach (var width in new[] { 1280, 320 })
            {
                var (found, html) = await Checks.AtWidthAsync(context, site.BaseUrl + path, width);
                problems.AddRange(found);
                if (width == 1280)
                    pages.Add(($"{path} ({(context == auteur ? "auteur" : "redacteur")})", html));
            }
        problems.AddRange(await Checks.ValidateAsync(pages));
        await auteur.CloseAsync();
        await redacteur.CloseAsync();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
