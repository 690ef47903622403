using System.Text.RegularExpressions;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Accounts;

/// <summary>
/// A removed account's address has no purpose left in the content database: the items, versions, review remarks and
/// media it wrote keep their text but name <see cref="NameBook.Gone"/> instead. A new account with the same address
/// later is somebody new and does not become their author. The audit log keeps the address: it records who did what.
/// </summary>
public static class RemovedAccounts
{
    /// <returns>The number of rows that named the address.</returns>
    public static async Task<int> ForgetAsync(ContentDb db, string userName, CancellationToken cancellationToken = default)
    {
        const string gone = NameBook.Gone;
        var rows = await db.Items.Where(i => i.Author == userName).ExecuteUpdateAsync(s => s.SetProperty(i => i.Author, gone), cancellationToken)
            + await db.Revisions.Where(r => r.Author == userName).ExecuteUpdateAsync(s => s.SetProperty(r => r.Author, gone), cancellationToken)
            + await db.ReviewRemarks.Where(r => r.Author == userName).ExecuteUpdateAsync(s => s.SetProperty(r => r.Author, gone), cancellationToken)
            + await db.Media.Where(m => m.UploadedBy == userName).ExecuteUpdateAsync(s => s.SetProperty(m => m.UploadedBy, gone), cancellationToken);
        // A version's saved text names its author too: restoring it must not bring the address back.
        var versions = await db.Revisions.Where(r => r.Snapshot.Contains(userName)).ToListAsync(cancellationToken);
        foreach (var version in versions)
            version.Snapshot = WithoutAddress(version.Snapshot, userName);
        await db.SaveChangesAsync(cancellationToken);
        return rows + versions.Count;
    }

    /// <summary>
    /// The text with every whole occurrence of the address replaced by <see cref="NameBook.Gone"/>; an address that
    /// merely ends or starts with it ("xa@b.nl" for "a@b.nl", "a@b.nl.example") is somebody else's and stays.
    /// </summary>
    public static string WithoutAddress(string text, string address) =>
        Regex.Replace(text, $@"(?<![\w.!#$%&'*+/=?^`{{|}}~-]){Regex.Escape(address)}(?![\w-]|\.[\w-])", NameBook.Gone.Replace("$", "$$"),
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
