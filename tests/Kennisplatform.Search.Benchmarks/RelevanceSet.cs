using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Search.Querying;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Kennisplatform.Search.Benchmarks;

public sealed record CorpusItem(string Slug, string Type, string Title, string Summary, string Body, string Tags);

/// <summary>One judged query. The note starts with the kind of query in brackets, such as "[typo] missing letter".</summary>
public sealed record Judgment(string Query, IReadOnlyDictionary<string, int> Grades, string Note)
{
    public string Kind => Note.StartsWith('[') && Note.Contains(']') ? Note[1..Note.IndexOf(']')] : "";
}

public sealed record QueryScore(string Query, string Kind, double Ndcg, double Mrr, double Recall);

public sealed record Scores(double Ndcg, double Mrr, double Recall, IReadOnlyList<QueryScore> PerQuery)
{
    /// <summary>Queries that found nothing relevant in the top ten.</summary>
    public int Zero => PerQuery.Count(q => q.Ndcg == 0);

    public static Scores Of(IReadOnlyList<QueryScore> queries) => queries.Count == 0
        ? new Scores(0, 0, 0, queries)
        : new Scores(queries.Average(q => q.Ndcg), queries.Average(q => q.Mrr), queries.Average(q => q.Recall), queries);

    /// <summary>The same measures per kind of query, in the order of <see cref="RelevanceSet.Kinds"/>.</summary>
    public IReadOnlyList<(string Kind, Scores Scores)> ByKind() =>
        RelevanceSet.Kinds.Select(kind => (kind, Of(PerQuery.Where(q => q.Kind == kind).ToList())))
            .Where(k => k.Item2.PerQuery.Count > 0).ToList();
}

/// <summary>A corpus with the queries judged against it.</summary>
public sealed record JudgedSet(string Name, IReadOnlyList<CorpusItem> Corpus, IReadOnlyList<Judgment> Judgments);

/// <summary>
/// The judged relevance sets: corpora of realistic items and Dutch queries graded 0–3 by meaning.
/// nDCG@10 uses gain 2^grade − 1; MRR@10 counts the first result graded 2 or 3; Recall@10 is the share of items
/// graded 1 or more found in the top ten, out of at most ten.
/// The first set (Relevance/) is the one search was tuned on. The second (Relevance/Second/) was written later with its
/// own corpus; its queries are split once into a tuning half and a test half, and figures are reported on the test half.
/// </summary>
public static class RelevanceSet
{
    public const int Depth = 10;

    /// <summary>The kinds of query, as written in brackets at the start of each judgment's note.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["keyword", "place", "question", "word form", "synonym", "typo", "failure"];

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Relevance");

    public static string SecondFolder => Path.Combine(Folder, "Second");

    /// <summary>The first set's corpus.</summary>
    public static List<CorpusItem> Corpus() => Corpus(Path.Combine(Folder, "corpus.txt"));

    /// <summary>The first set's judgments.</summary>
    public static List<Judgment> Judgments() => Judgments(Path.Combine(Folder, "judgments.txt"));

    public static JudgedSet First() => new("first set", Corpus(), Judgments());

    public static JudgedSet SecondTuning() =>
        new("second set, tuning half", Corpus(Path.Combine(SecondFolder, "corpus.txt")), Judgments(Path.Combine(SecondFolder, "tuning.txt")));

    public static JudgedSet SecondTest() =>
        new("second set, test half", Corpus(Path.Combine(SecondFolder, "corpus.txt")), Judgments(Path.Combine(SecondFolder, "test.txt")));

    public static List<CorpusItem> Corpus(string path) =>
        Lines(path).Select(line =>
        {
            var f = line.Split(" | ");
            if (f.Length != 6) throw new FormatException($"{Path.GetFileName(path)}: expected 6 fields in '{line}'");
            return new CorpusItem(f[0].Trim(), f[1].Trim(), f[2].Trim(), f[3].Trim(), f[4].Trim(), f[5].Trim());
        }).ToList();

    public static List<Judgment> Judgments(string path) =>
        Lines(path).Select(line =>
        {
            var note = line.Contains('#') ? line[(line.IndexOf('#') + 1)..].Trim() : "";
            var body = line.Contains('#') ? line[..line.IndexOf('#')] : line;
            var parts = body.Split(" | ");
            var grades = parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(g => g.Split(':')).ToDictionary(g => g[0].Trim(), g => int.Parse(g[1]));
            return new Judgment(parts[0].Trim(), grades, note);
        }).ToList();

    private static IEnumerable<string> Lines(string path) =>
        File.ReadAllLines(path).Where(l => l.Trim().Length > 0 && !l.StartsWith('#'));

    public static Scores Evaluate(IReadOnlyList<Judgment> judgments, Func<string, IReadOnlyList<string>> search) =>
        Scores.Of(judgments.Select(judgment =>
        {
            var results = search(judgment.Query).Take(Depth).ToList();
            var gains = results.Select(slug => judgment.Grades.GetValueOrDefault(slug)).ToList();
            var ideal = judgment.Grades.Values.OrderDescending().Take(Depth).ToList();
            var ndcg = Dcg(ideal) == 0 ? 0 : Dcg(gains) / Dcg(ideal);
            var first = gains.FindIndex(g => g >= 2);
            var relevant = judgment.Grades.Count(g => g.Value >= 1);
            var recall = relevant == 0 ? 1 : (double)gains.Count(g => g >= 1) / Math.Min(Depth, relevant);
            return new QueryScore(judgment.Query, judgment.Kind, ndcg, first < 0 ? 0 : 1.0 / (first + 1), recall);
        }).ToList());

    private static double Dcg(IReadOnlyList<int> grades) =>
        grades.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();

    /// <summary>
    /// As the site maps content: the type's Dutch name is one of the tags, and a case's outcome, an intervention's evidence
    /// level and the place of a case or event (its first capitalised tag, then its neighbourhood) also fill their facet
    /// fields, and so do its theme tags, as the site's ten themes (<see cref="Generation.SourceText.ThemesOf"/>); sentences of the body from "Wat werkte niet:" or "Anders doen:" on are the case's lessons, as the site
    /// keeps those fields apart.
    /// </summary>
    public static SearchDocument ToDocument(CorpusItem item, int id)
    {
        var tags = item.Tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var places = item.Type is "praktijkvoorbeeld" or "bijeenkomst" ? tags.Where(t => char.IsUpper(t[0])).ToList() : [];
        var (body, lessons) = SplitLessons(item.Body);
        return new SearchDocument
        {
            Id = id, Type = item.Type, Slug = item.Slug, Url = "/" + item.Slug, Title = item.Title,
            Summary = item.Summary, Body = body, Lessons = lessons, Tags = TypeLabels.GetValueOrDefault(item.Type, item.Type) + ", " + item.Tags,
            Published = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(id),
            Outcome = item.Type == "praktijkvoorbeeld" ? tags.Select(t => Outcomes.GetValueOrDefault(t)).FirstOrDefault(o => o is not null) : null,
            Evidence = item.Type == "interventie" ? tags.Select(t => EvidenceLevels.GetValueOrDefault(t)).FirstOrDefault(e => e is not null) : null,
            Themes = Generation.SourceText.ThemesOf(string.Join(", ", tags.Where(t => char.IsLower(t[0]) && !NotThemes.Contains(t)))),
            Municipality = places.ElementAtOrDefault(0),
            Neighbourhood = places.ElementAtOrDefault(1),
        };
    }

    /// <summary>The tags of the corpora that are no theme: outcomes, evidence levels, an instrument's perspective, an event's state or form, a page's kind.</summary>
    private static readonly HashSet<string> NotThemes =
    [
        "geslaagd", "deels", "deels geslaagd", "mislukt", "te vroeg",
        "niet beoordeeld", "goed beschreven", "goed onderbouwd", "eerste aanwijzingen", "effectief volgens eerste aanwijzingen",
        "effectief volgens goede aanwijzingen", "effectief volgens sterke aanwijzingen",
        "tellen", "vertellen", "tellen en vertellen", "beide", "online", "afgelast",
        "thema", "werkzaam principe", "lessen", "over", "dialoog", "onderzoek", "voorwaarden", "landelijk",
    ];

    private static readonly string[] LessonStarts = ["Wat werkte niet:", "Wat niet werkte:", "Anders doen:", "Wat we anders zouden doen:", "Anders zouden we:"];

    private static (string Body, string Lessons) SplitLessons(string text)
    {
        var body = new List<string>();
        var lessons = new List<string>();
        var current = body;
        foreach (var sentence in System.Text.RegularExpressions.Regex.Split(text, @"(?<=[.!?])\s+"))
        {
            if (LessonStarts.Any(s => sentence.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
                current = lessons;
            else if (sentence.EndsWith(':') || sentence.StartsWith("Wat werkte:", StringComparison.OrdinalIgnoreCase))
                current = body;
            current.Add(sentence);
        }
        return (string.Join(' ', body), string.Join(' ', lessons));
    }

    private static readonly Dictionary<string, string> TypeLabels = new()
    {
        ["praktijkvoorbeeld"] = "Praktijkvoorbeeld", ["interventie"] = "Interventie", ["wijkschakelaar"] = "Wijkschakelaar",
        ["bijeenkomst"] = "Bijeenkomst", ["instrument"] = "Instrument", ["principe"] = "Werkzaam principe", ["thema"] = "Thema", ["pagina"] = "Pagina",
        ["faalpatroon"] = "Faalpatroon",
    };

    private static readonly Dictionary<string, string> Outcomes = new()
    {
        ["geslaagd"] = "geslaagd", ["deels"] = "deels", ["deels geslaagd"] = "deels", ["mislukt"] = "mislukt", ["te vroeg"] = "te-vroeg",
    };

    private static readonly Dictionary<string, string> EvidenceLevels = new()
    {
        ["niet beoordeeld"] = "niet-beoordeeld", ["goed beschreven"] = "goed-beschreven", ["goed onderbouwd"] = "goed-onderbouwd",
        ["eerste aanwijzingen"] = "eerste-aanwijzingen", ["effectief volgens eerste aanwijzingen"] = "eerste-aanwijzingen",
        ["effectief volgens goede aanwijzingen"] = "goede-aanwijzingen", ["effectief volgens sterke aanwijzingen"] = "sterke-aanwijzingen",
    };

    /// <summary>Our search: the platform's own index and query code.</summary>
    public static Func<string, IReadOnlyList<string>> Ours(SearchLexicon lexicon, IReadOnlyList<CorpusItem> corpus, out IDisposable owner, bool feedback = true, bool themes = true)
    {
        var index = SearchIndex.InMemory(lexicon);
        foreach (var (item, i) in corpus.Select((c, i) => (c, i)))
            index.Upsert(ToDocument(item, i + 1));
        index.Refresh();
        owner = index;
        var service = new SearchService(index) { Feedback = feedback, Themes = themes };
        return query => service.Search(new SearchRequest { Text = query, PageSize = Depth }).Hits.Select(h => h.Slug).ToList();
    }

    /// <summary>The reference: Lucene's stock DutchAnalyzer on the same fields with the same weights, words combined with OR.</summary>
    public static Func<string, IReadOnlyList<string>> Stock(IReadOnlyList<CorpusItem> corpus, out IDisposable owner)
    {
        var analyzer = new Lucene.Net.Analysis.Nl.DutchAnalyzer(SearchLexiconVersion);
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchLexiconVersion, analyzer)))
        {
            foreach (var document in corpus.Select((c, i) => ToDocument(c, i + 1)))
                writer.AddDocument(new Document
                {
                    new StringField("slug", document.Slug, Field.Store.YES),
                    new TextField(SearchFields.Title, document.Title, Field.Store.NO),
                    new TextField(SearchFields.Summary, document.Summary, Field.Store.NO),
                    new TextField(SearchFields.Body, document.Body, Field.Store.NO),
                    new TextField(SearchFields.Tags, document.Tags, Field.Store.NO),
                });
        }
        var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        owner = new Owner(reader, directory, analyzer);
        return query =>
        {
            var boolean = new BooleanQuery();
            foreach (var term in FoldingAnalyzer.Tokens(analyzer, query.Replace("\"", " ")))
            {
                var fields = new DisjunctionMaxQuery(0.1f);
                foreach (var (field, boost) in SearchFields.Searched)
                    fields.Add(new TermQuery(new Term(field, term)) { Boost = boost });
                boolean.Add(fields, Occur.SHOULD);
            }
            return boolean.Clauses.Count == 0 ? [] : searcher.Search(boolean, Depth).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("slug")).ToList();
        };
    }

    private const Lucene.Net.Util.LuceneVersion SearchLexiconVersion = Lucene.Net.Util.LuceneVersion.LUCENE_48;

    private sealed class Owner(params IDisposable[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var part in parts) part.Dispose();
        }
    }

    public static string LexiconFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kennisplatform.sln")))
                return Path.Combine(dir.FullName, "content", "search");
        throw new InvalidOperationException("Kennisplatform.sln not found above " + AppContext.BaseDirectory);
    }
}
