using System.Collections.Concurrent;
using System.IO.Compression;

namespace Kennisplatform.Search.Analysis;

/// <summary>
/// The Dutch vocabulary (OpenTaal word list, lower case without accents): tells a real word from a typo and checks
/// that the parts of a compound are words. Loaded once per file: ~390,000 words, ~25 MB in memory.
/// </summary>
public sealed class DutchWords
{
    public const string FileName = "woordenlijst-nl.txt.gz";

    private static readonly ConcurrentDictionary<string, Lazy<DutchWords>> Loaded = new();

    private readonly HashSet<string> words;

    private DutchWords(HashSet<string> words) => this.words = words;

    public int Count => words.Count;

    /// <summary>True when the folded word is in the list.</summary>
    public bool Contains(string word) => words.Contains(word);

    public static DutchWords Load(string path) =>
        Loaded.GetOrAdd(Path.GetFullPath(path), p => new Lazy<DutchWords>(() => Read(p))).Value;

    /// <summary>A list made from given words, for tests.</summary>
    public static DutchWords Of(IEnumerable<string> words) => new(words.ToHashSet(StringComparer.Ordinal));

    private static DutchWords Read(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(400_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0)
                set.Add(line);
        return new DutchWords(set);
    }
}
