namespace Kennisplatform.Web.Editing;

public enum LineChange { Same, Removed, Added }

/// <summary>Which lines two texts share and which differ (longest common subsequence), for comparing revisions.</summary>
public static class LineDiff
{
    /// <summary>Revisions are content files of at most a few hundred lines; beyond this, lines are compared one to one.</summary>
    private const int MaxLines = 2000;

    public static IReadOnlyList<(LineChange Change, string Line)> Compare(string before, string after)
    {
        var a = before.Replace("\r\n", "\n").Split('\n');
        var b = after.Replace("\r\n", "\n").Split('\n');
        if (a.Length > MaxLines || b.Length > MaxLines)
            return [.. a.Select(l => (LineChange.Removed, l)), .. b.Select(l => (LineChange.Added, l))];

        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);

        var result = new List<(LineChange, string)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { result.Add((LineChange.Same, a[x])); x++; y++; }
            else if (common[x + 1, y] >= common[x, y + 1]) result.Add((LineChange.Removed, a[x++]));
            else result.Add((LineChange.Added, b[y++]));
        }
        result.AddRange(a[x..].Select(l => (LineChange.Removed, l)));
        result.AddRange(b[y..].Select(l => (LineChange.Added, l)));
        return result;
    }
}
