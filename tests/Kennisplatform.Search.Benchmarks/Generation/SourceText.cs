using System.Text.RegularExpressions;

namespace Kennisplatform.Search.Benchmarks.Generation;

/// <summary>
/// One real item as the index sees it: the fields the site searches, the body and a case's lessons (what did not work,
/// what would be done differently) cut into sentences, and its themes.
/// </summary>
public sealed record SourceItem(string Type, string Title, string Summary, IReadOnlyList<string> Sentences, string Tags, IReadOnlyList<string> Themes)
{
    public IReadOnlyList<string> Lessons { get; init; } = [];

    public string Body => string.Join(" ", Sentences);

    /// <summary>Title, summary, body and lessons: the running text, without the tags.</summary>
    public string Prose => $"{Title} {Summary} {Body} {string.Join(" ", Lessons)}";

    /// <summary>Words in every searched field, as <see cref="SourceText.Words"/> counts them.</summary>
    public int WordCount => SourceText.Words($"{Title} {Summary} {Body} {string.Join(" ", Lessons)} {Tags}").Count;
}

/// <summary>
/// Reads the real Dutch texts the benchmark generator resamples: the seed content (content/**/*.md, parsed the way the
/// site indexes it: title, summary, body plus the long text fields, and the tag-like fields) and the items of both
/// judged relevance corpora.
/// </summary>
public static partial class SourceText
{
    // The front-matter keys whose text the site adds to the body (SearchDocuments.LongTexts) and to the tags.
    private static readonly HashSet<string> BodyKeys =
    [
        "what_worked", "residents_role", "municipality_role",
        "aim", "approach", "core_elements", "preconditions", "connects", "ask_me_about", "harvest", "needs",
    ];

    private static readonly string[] LessonKeys = ["what_did_not_work", "do_differently"];

    // How a judged corpus item starts its lessons inside the body.
    private static readonly string[] LessonStarts = ["Wat werkte niet:", "Wat niet werkte:", "Anders doen:", "Wat we anders zouden doen:", "Anders zouden we:"];

    private static readonly HashSet<string> TagKeys =
    [
        "outcome", "municipality", "neighbourhood", "partners", "evidence", "owner", "target_group", "role", "area",
        "location", "place", "audience", "perspective", "maker",
    ];

    private static readonly string[] ThemeSlugs =
    [
        "veiligheid", "gezondheid-en-vitaliteit", "wonen-en-leefomgeving", "werk-en-economie", "sociale-samenhang-en-participatie",
        "armoede-en-schulden", "jeugd-en-onderwijs", "eenzaamheid", "taal-en-integratie", "digitale-inclusie",
    ];

    /// <summary>Every content file below the folder, except the search word lists.</summary>
    public static List<SourceItem> SeedContent(string contentFolder) =>
        Directory.EnumerateFiles(contentFolder, "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "README.md")
            .Order(StringComparer.Ordinal)
            .Select(f => FromContentFile(File.ReadAllText(f)))
            .ToList();

    private static SourceItem FromContentFile(string text)
    {
        var parts = text.Split("\n---", 2);
        var front = parts[0].TrimStart('-', '\n', '\r');
        var markdown = parts.Length > 1 ? parts[1] : "";
        var values = new Dictionary<string, string>();
        var themes = new List<string>();
        string? key = null;
        foreach (var line in front.Split('\n'))
        {
            var field = FrontMatterKey().Match(line);
            if (field.Success)
            {
                key = field.Groups[1].Value;
                var value = field.Groups[2].Value.Trim();
                values[key] = value is "|-" or "|" ? "" : value.Trim('"');
            }
            else if (key is "themes" && line.TrimStart().StartsWith("- "))
                themes.Add(line.Trim()[2..]);
            else if (key is not null && line.StartsWith("  "))
                values[key] = (values[key] + "\n" + line.Trim()).Trim();
        }
        var body = string.Join("\n", BodyKeys.Where(values.ContainsKey).Select(k => values[k]).Prepend(markdown));
        var tags = string.Join(", ", TagKeys.Where(values.ContainsKey).Select(k => values[k].Replace('-', ' ')).Concat(themes.Select(t => t.Replace('-', ' '))));
        var lessons = string.Join("\n", LessonKeys.Where(values.ContainsKey).Select(k => values[k]));
        return new SourceItem(values.GetValueOrDefault("type", ""), values.GetValueOrDefault("title", ""), values.GetValueOrDefault("summary", ""),
            Sentences(PlainText(body)), tags, themes)
        { Lessons = Sentences(PlainText(lessons)) };
    }

    /// <summary>Items of a judged corpus; their themes are read from the tag words.</summary>
    public static List<SourceItem> FromCorpus(IEnumerable<CorpusItem> corpus) =>
        corpus.Select(c =>
        {
            var sentences = Sentences(c.Body);
            var start = sentences.FindIndex(s => LessonStarts.Any(l => s.StartsWith(l, StringComparison.OrdinalIgnoreCase)));
            return start < 0
                ? new SourceItem(c.Type, c.Title, c.Summary, sentences, c.Tags, ThemesOf(c.Tags))
                : new SourceItem(c.Type, c.Title, c.Summary, sentences[..start], c.Tags, ThemesOf(c.Tags)) { Lessons = sentences[start..] };
        }).ToList();

    /// <summary>The site's themes (slugs) that tags name: the corpora's finer tags ("participatie", "zorg") belong to one of them.</summary>
    public static List<string> ThemesOf(string tags)
    {
        var lower = tags.ToLowerInvariant();
        string[][] words =
        [
            ["veiligheid"], ["gezondheid", "zorg", "mantelzorg"], ["wonen", "verkeer"], ["werk"], ["sociale samenhang", "participatie"],
            ["armoede", "schulden"], ["jeugd", "onderwijs"], ["eenzaamheid"], ["taal", "integratie"], ["digita"],
        ];
        return ThemeSlugs.Where((_, i) => words[i].Any(lower.Contains)).ToList();
    }

    public static List<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    /// <summary>Lower-case words: runs of letters and digits, as an analyzer's tokenizer would find them.</summary>
    public static List<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    private static string PlainText(string markdown) =>
        MarkdownLink().Replace(MarkdownMarks().Replace(markdown, " "), "$1");

    [GeneratedRegex(@"^([a-z_]+):\s?(.*)$")]
    private static partial Regex FrontMatterKey();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?m)^\s*(?:[-*]|#+|\d+\.)\s+|\*\*|__|`")]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();
}
