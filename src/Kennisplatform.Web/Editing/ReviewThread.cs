using System.Security.Claims;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Reviews;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Editing;

public sealed record RemarkView(string Name, DateTime At, string Text, bool SentBack);

/// <summary>The review remarks on an item: read with the writers' current names, and written by the person signed in.</summary>
public sealed class ReviewThread(ContentDb db, EditorNames names, UserManager<Editor> users, TimeProvider clock)
{
    public async Task<IReadOnlyList<RemarkView>> ForAsync(int itemId, CancellationToken cancellationToken = default)
    {
        var remarks = await db.ReviewRemarks.AsNoTracking().Where(r => r.ItemId == itemId)
            .OrderBy(r => r.WrittenAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var book = await names.ForAsync(remarks.Select(r => r.Author), cancellationToken);
        return remarks.Select(r => new RemarkView(book.Of(r.Author, r.AuthorName), r.WrittenAt, r.Text, r.SentBack)).ToList();
    }

    /// <summary>A new remark by the person signed in; not yet saved.</summary>
    public async Task<ReviewRemark> NewAsync(ContentItem item, ClaimsPrincipal user, string text, bool sentBack) => new()
    {
        ItemId = item.Id,
        WrittenAt = clock.GetUtcNow().UtcDateTime,
        Author = user.Identity!.Name!,
        AuthorName = (await users.GetUserAsync(user))?.DisplayName ?? "",
        Text = text,
        SentBack = sentBack,
    };

    public async Task AddAsync(ContentItem item, ClaimsPrincipal user, string text, CancellationToken cancellationToken = default)
    {
        db.ReviewRemarks.Add(await NewAsync(item, user, text, sentBack: false));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Where the item is now and who holds it, in one sentence.</summary>
    public static string WhereItIs(ContentItem item, string authorName, DateTime now) => item.Status switch
    {
        ContentStatus.Draft when item.SentBack => $"Teruggestuurd naar de auteur ({authorName}): die past het aan en biedt het opnieuw aan.",
        ContentStatus.Draft => $"Concept bij de auteur ({authorName}).",
        ContentStatus.InReview => "Ter beoordeling bij de redactie. De auteur kan het lezen, maar niet wijzigen.",
        ContentStatus.Published when item.IsScheduledAt(now) => $"Ingepland: verschijnt op {DutchTime.Date(item.PublishedAt!.Value)} om {DutchTime.Time(item.PublishedAt!.Value)}.",
        ContentStatus.Published => $"Gepubliceerd op {DutchTime.Date(item.PublishedAt ?? item.UpdatedAt)}; het staat op de site.",
        _ => "Gearchiveerd: het staat niet meer op de site.",
    };
}
