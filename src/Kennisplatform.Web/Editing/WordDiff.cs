using DiffPlex;
using DiffPlex.Chunkers;

namespace Kennisplatform.Web.Editing;

/// <summary>A stretch of text on one side of a comparison; <see cref="Changed"/> when the other side lacks it.</summary>
public sealed record Piece(string Text, bool Changed);

/// <summary>Which words of two texts differ, so a comparison marks words inside a text, not whole lines.</summary>
public static class WordDiff
{
    public static (IReadOnlyList<Piece> Old, IReadOnlyList<Piece> New) Compare(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var removed = new bool[result.PiecesOld.Count];
        var added = new bool[result.PiecesNew.Count];
        foreach (var block in result.DiffBlocks)
        {
            Array.Fill(removed, true, block.DeleteStartA, block.DeleteCountA);
            Array.Fill(added, true, block.InsertStartB, block.InsertCountB);
        }
        return (Join(result.PiecesOld, removed), Join(result.PiecesNew, added));
    }

    /// <summary>Neighbouring pieces with the same mark become one, so a reader hears one change, not one per word.</summary>
    public static IReadOnlyList<Piece> Join(IReadOnlyList<string> pieces, IReadOnlyList<bool> changed)
    {
        var joined = new List<Piece>();
        for (var i = 0; i < pieces.Count; i++)
        {
            // A space between two changed words belongs to the change.
            var mark = changed[i] || (string.IsNullOrWhiteSpace(pieces[i]) && i > 0 && i + 1 < pieces.Count && changed[i - 1] && changed[i + 1]);
            if (joined.Count > 0 && joined[^1].Changed == mark)
                joined[^1] = joined[^1] with { Text = joined[^1].Text + pieces[i] };
            else
                joined.Add(new Piece(pieces[i], mark));
        }
        return joined;
    }
}

/// <summary>
/// Marks changed pieces with del/ins and words a screen reader says, so a change is never told by colour alone
/// (WCAG 1.4.1). Written as one string: the text keeps its line breaks and no stray white space enters between pieces.
/// </summary>
public static class PieceMarkup
{
    public static Microsoft.AspNetCore.Html.HtmlString Render(IEnumerable<Piece> pieces, bool removed)
    {
        var html = new System.Text.StringBuilder();
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        var (tag, said) = removed ? ("del", "weggehaald") : ("ins", "toegevoegd");
        foreach (var piece in pieces)
        {
            if (!piece.Changed)
                html.Append(encoder.Encode(piece.Text));
            else
                html.Append($"<{tag}><span class=\"visually-hidden\">[{said}: </span>{encoder.Encode(piece.Text)}<span class=\"visually-hidden\">]</span></{tag}>");
        }
        return new(html.ToString());
    }
}
