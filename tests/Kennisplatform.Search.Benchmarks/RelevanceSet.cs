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
public sealed record Judgment(string Query, IReadOnlyDictionary<string, int> Grades, string Note);
public sealed record Scores(double Ndcg, double Mrr, double Recall, IReadOnlyList<(string Query, double Ndcg)> PerQuery);

/// <summary>
/// The judged relevance set: a corpus of realistic items and Dutch queries graded 0–3 by meaning.
/// nDCG@10 uses gain 2^grade − 1; MRR@10 counts the first result graded 2 or 3; Recall@10 is the share of items
/// graded 1 or more found in the top ten, out of at most ten.
/// </summary>
public static class RelevanceSet
{
    public const int Depth = 10;

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Relevance");

    public static List<CorpusItem> Corpus() =>
        Lines(Path.Combine(Folder, "corpus.txt")).Select(line =>
        {
            var f = line.Split(" | ");
            if (f.Length != 6) throw new FormatException($"corpus.txt: expected 6 fields in '{line}'");
            return new CorpusItem(f[0].Trim(), f[1].Trim(), f[2].Trim(), f[3].Trim(), f[4].Trim(), f[5].Trim());
        }).ToList();

    public static List<Judgment> Judgments() =>
        Lines(Path.Combine(Folder, "judgments.txt")).Select(line =>
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

    public static Scores Evaluate(IReadOnlyList<Judgment> judgments, Func<string, IReadOnlyList<string>> search)
    {
        var perQuery = new List<(string, double)>();
        double ndcg = 0, mrr = 0, recall = 0;
        foreach (var judgment in judgments)
        {
            var results = search(judgment.Query).Take(Depth).ToList();
            var gains = results.Select(slug => judgment.Grades.GetValueOrDefault(slug)).ToList();
            var ideal = judgment.Grades.Values.OrderDescending().Take(Depth).ToList();
            var queryNdcg = Dcg(ideal) == 0 ? 0 : Dcg(gains) / Dcg(ideal);
            ndcg += queryNdcg;
            var first = gains.FindIndex(g => g >= 2);
            mrr += first < 0 ? 0 : 1.0 / (first + 1);
            var relevant = judgment.Grades.Count(g => g.Value >= 1);
            recall += relevant == 0 ? 1 : (double)gains.Count(g => g >= 1) / Math.Min(Depth, relevant);
            perQuery.Add((judgment.Query, queryNdcg));
        }
        var n = judgments.Count;
        return new Scores(ndcg / n, mrr / n, recall / n, perQuery);
    }

    private static double Dcg(IReadOnlyList<int> grades) =>
        grades.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();

    /// <summary>As the site maps content: the type's Dutch name is one of the tags.</summary>
    public static SearchDocument ToDocument(CorpusItem item, int id) => new()
    {
        Id = id, Type = item.Type, Slug = item.Slug, Url = "/" + item.Slug, Title = item.Title,
        Summary = item.Summary, Body = item.Body, Tags = TypeLabels.GetValueOrDefault(item.Type, item.Type) + ", " + item.Tags,
        Published = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(id),
    };

    private static readonly Dictionary<string, string> TypeLabels = new()
    {
        ["praktijkvoorbeeld"] = "Praktijkvoorbeeld", ["interventie"] = "Interventie", ["wijkschakelaar"] = "Wijkschakelaar",
        ["bijeenkomst"] = "Bijeenkomst", ["instrument"] = "Instrument", ["principe"] = "Werkzaam principe", ["thema"] = "Thema", ["pagina"] = "Pagina",
    };

    /// <summary>Our search: the platform's own index and query code.</summary>
    public static Func<string, IReadOnlyList<string>> Ours(SearchLexicon lexicon, IReadOnlyList<CorpusItem> corpus, out IDisposable owner)
    {
        var index = SearchIndex.InMemory(lexicon);
        foreach (var (item, i) in corpus.Select((c, i) => (c, i)))
            index.Upsert(ToDocument(item, i + 1));
        index.Refresh();
        owner = index;
        var service = new SearchService(index);
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
