namespace Kennisplatform.Content.Rendering;

/// <summary>Shortening text for a summary or a message: never half a character (an emoji is two), preferably at a space.</summary>
public static class ShortText
{
    /// <summary><paramref name="text"/> itself when it fits, else at most <paramref name="maxLength"/> characters of it and "…".</summary>
    public static string Cut(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
            return text;
        var cut = maxLength;
        if (char.IsHighSurrogate(text[cut - 1]))
            cut--;
        // A space in the last fifth makes a cleaner end than the middle of a word.
        var space = text.LastIndexOf(' ', cut - 1, cut - cut * 4 / 5);
        if (space > 0)
            cut = space;
        return text[..cut].TrimEnd() + "…";
    }
}
