using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Accounts;

/// <summary>
/// Content and its history record who did something by user name (an e-mail address); the back office shows people by
/// the name they gave. One query per page, whatever the number of people on it.
/// </summary>
public sealed class EditorNames(UserManager<Editor> users)
{
    public async Task<NameBook> ForAsync(IEnumerable<string> userNames, CancellationToken cancellationToken = default)
    {
        var wanted = userNames.Where(n => n.Length > 0).Distinct().ToList();
        var known = wanted.Count == 0 ? [] : await users.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName }).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, cancellationToken);
        return new NameBook(known);
    }
}

/// <summary>Names for user names; an address is never shown, only that its account is gone.</summary>
public sealed class NameBook(IReadOnlyDictionary<string, string> known)
{
    public static readonly NameBook Empty = new(new Dictionary<string, string>());

    /// <summary>What content and history say instead of a removed account's address (see <see cref="RemovedAccounts"/>).</summary>
    public const string Gone = "een account dat niet meer bestaat";

    /// <param name="remembered">The name recorded with the action, for when the account is gone.</param>
    public string Of(string userName, string? remembered = null) =>
        known.GetValueOrDefault(userName) is { Length: > 0 } name ? name
        : !string.IsNullOrWhiteSpace(remembered) ? remembered
        : userName.Contains('@') ? Gone
        : userName.Length == 0 ? "onbekend"
        : userName;
}
