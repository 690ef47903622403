using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Reviews;

/// <summary>
/// One remark in the short thread editors keep on an item while it is reviewed. A record of its own, apart from the
/// content: never in a revision, an export, the API, a feed or the search index.
/// </summary>
public class ReviewRemark
{
    public const int MaxLength = 2000;

    public int Id { get; set; }
    public int ItemId { get; set; }
    public ContentItem Item { get; set; } = null!;
    public DateTime WrittenAt { get; set; }
    /// <summary>The account's user name (its e-mail address), to find its current name.</summary>
    public string Author { get; set; } = "";
    /// <summary>The name the writer had when writing, shown when the account is gone.</summary>
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>Written when the item was sent back to its auteur.</summary>
    public bool SentBack { get; set; }

    /// <summary>A clean remark, or the Dutch reason it cannot be one.</summary>
    public static (string? Text, string? Problem) Check(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
            return (null, "Schrijf een opmerking.");
        if (trimmed.Length > MaxLength)
            return (null, $"De opmerking is te lang: gebruik hoogstens {MaxLength} tekens.");
        return (trimmed, null);
    }
}
