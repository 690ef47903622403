using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound.Hyphenation;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Kennisplatform.Search.Analysis;

/// <summary>
/// The editable word lists in content/search: compound parts, synonyms, stem overrides, and the Dutch hyphenation
/// patterns that decide where a compound may be split. Loaded once; <see cref="Fingerprint"/> changes when a list
/// that shapes the index changes, so the index knows to rebuild itself.
/// </summary>
public sealed class SearchLexicon
{
    public const string CompoundsFile = "samenstellingen.txt";
    public const string SynonymsFile = "synoniemen.txt";
    public const string StemsFile = "stamvormen.txt";
    public const string HyphenationFile = "hyphenation-nl.xml";
    public const string WordsFile = DutchWords.FileName;

    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public required CharArraySet CompoundParts { get; init; }
    public required HyphenationTree Hyphenation { get; init; }
    /// <summary>Synonyms of one word for one word, for Lucene's synonym filter.</summary>
    public required SynonymMap Synonyms { get; init; }
    /// <summary>Synonyms of several words ("huiselijk geweld"), found in the query and sought as phrases.</summary>
    public required SynonymPhrases SynonymPhrases { get; init; }
    public required StemmerOverrideFilter.StemmerOverrideMap StemOverrides { get; init; }
    /// <summary>The Dutch word list: real words are never "corrected", and compounds are split into known words.</summary>
    public required DutchWords Words { get; init; }
    public required Decompounder Decompounder { get; init; }
    /// <summary>A hash of everything that decides what goes into the index (not the query-time synonyms).</summary>
    public required string Fingerprint { get; init; }

    public static SearchLexicon Load(string folder)
    {
        var compounds = ReadLines(Path.Combine(folder, CompoundsFile)).Select(Fold).ToList();
        var stems = ReadLines(Path.Combine(folder, StemsFile)).ToList();
        var hyphenationPath = Path.Combine(folder, HyphenationFile);
        var hyphenation = Lucene.Net.Analysis.Compound.HyphenationCompoundWordTokenFilter.GetHyphenationTree(hyphenationPath);
        var wordsPath = Path.Combine(folder, WordsFile);
        var words = DutchWords.Load(wordsPath);
        var parts = new CharArraySet(Version, compounds, ignoreCase: true);
        var (synonyms, synonymPhrases) = ParseSynonyms(File.ReadAllText(Path.Combine(folder, SynonymsFile)));

        return new SearchLexicon
        {
            CompoundParts = parts,
            Hyphenation = hyphenation,
            Synonyms = synonyms,
            SynonymPhrases = synonymPhrases,
            StemOverrides = ParseStems(stems),
            Words = words,
            Decompounder = new Decompounder(words, parts, hyphenation),
            Fingerprint = Hash([.. compounds, "|", .. stems, "|", File.ReadAllText(hyphenationPath), "|", FileHash(wordsPath)]),
        };
    }

    /// <summary>The same lexicon with another synonym list: synonyms apply when searching, so the index stays as it is.</summary>
    public SearchLexicon WithSynonyms(string synonymsText)
    {
        var (synonyms, phrases) = ParseSynonyms(synonymsText);
        return new()
        {
            CompoundParts = CompoundParts, Hyphenation = Hyphenation, StemOverrides = StemOverrides, Words = Words,
            Decompounder = Decompounder, Fingerprint = Fingerprint, Synonyms = synonyms, SynonymPhrases = phrases,
        };
    }

    /// <summary>Checks a synonym list as a person typed it; returns the problems in Dutch, one per line that has one.</summary>
    public static IReadOnlyList<string> CheckSynonyms(string text)
    {
        var problems = new List<string>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var words = line.Split(',', StringSplitOptions.TrimEntries);
            if (line.Contains("=>"))
                problems.Add($"Regel {number}: gebruik alleen komma's tussen woorden, geen '=>'.");
            else if (words.Count(w => w.Length > 0) < 2)
                problems.Add($"Regel {number}: zet minstens twee woorden op een regel, gescheiden door komma's.");
            else if (words.Any(w => w.Length == 0))
                problems.Add($"Regel {number}: er staat een lege plek tussen twee komma's.");
            else if (words.Any(w => w.Length > 60))
                problems.Add($"Regel {number}: een woord is langer dan 60 tekens.");
        }
        if (problems.Count == 0)
        {
            try { ParseSynonyms(text); }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                problems.Add("De lijst kon niet worden gelezen: " + e.Message);
            }
        }
        return problems;
    }

    private static string FileHash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))[..16];

    private static IEnumerable<string> ReadLines(string path) =>
        File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    internal static string Fold(string word) => FoldingAnalyzer.Fold(word);

    private static StemmerOverrideFilter.StemmerOverrideMap ParseStems(IEnumerable<string> lines)
    {
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: true);
        foreach (var line in lines)
        {
            var parts = line.Split(':', 2);
            if (parts.Length != 2)
                throw new FormatException($"{StemsFile}: '{line}' has no colon; write 'vorm: andere, vormen'.");
            var target = Fold(parts[0].Trim());
            builder.Add(target, target);
            foreach (var form in parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                builder.Add(Fold(form), target);
        }
        return builder.Build();
    }

    private static (SynonymMap Words, SynonymPhrases Phrases) ParseSynonyms(string synonymsText)
    {
        // Members of several words are left to SynonymPhrases; the filter maps single words, folded like the text.
        var (phrases, singleWords) = SynonymPhrases.Parse(synonymsText);
        using var analyzer = new FoldingAnalyzer();
        var parser = new SolrSynonymParser(dedup: true, expand: true, analyzer);
        parser.Parse(new StringReader(singleWords));
        return (parser.Build(), phrases);
    }

    private static string Hash(IEnumerable<string> parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..16];
}

/// <summary>Tokenises, lower-cases and folds accents, nothing more: for vocabulary, completion and word lists.</summary>
public sealed class FoldingAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new Lucene.Net.Analysis.Standard.StandardTokenizer(SearchLexicon.Version, reader);
        TokenStream stream = new LowerCaseFilter(SearchLexicon.Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>Analyzers are safe to share between threads: each thread gets its own token stream.</summary>
    public static readonly FoldingAnalyzer Instance = new();

    /// <summary>One word lower-cased and folded: "Ideeën" becomes "ideeen".</summary>
    public static string Fold(string word) => string.Join(' ', Tokens(Instance, word));

    public static List<string> Tokens(Analyzer analyzer, string text, string field = "")
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }
}
