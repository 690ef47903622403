using Kennisplatform.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Directory = Lucene.Net.Store.Directory;

namespace Kennisplatform.Search.Indexing;

/// <summary>
/// The Lucene index of one node: a writer, and a near-real-time searcher that sees a change after
/// <see cref="Refresh"/> without a commit. Each commit records the last change-log row applied and the
/// fingerprint of the analysis, so on start the owner knows whether to catch up or rebuild.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string LastChangeKey = "lastChange";
    private const string FingerprintKey = "fingerprint";
    private const string CommittedAtKey = "committedAt";
    /// <summary>Raise when the document layout or the analysis changes: an index with another schema is rebuilt.</summary>
    private const string Schema = "8";

    private readonly Directory directory;
    private readonly IndexWriter writer;
    private readonly string fingerprint;

    public SearcherManager Searchers { get; }
    public SearchLexicon Lexicon { get; private set; }
    public Analyzer IndexAnalyzer { get; }
    /// <summary>Analysis of query words, with synonyms; replaced as a whole when the synonym list changes.</summary>
    public Analyzer QueryAnalyzer { get; private set; }
    public Analyzer PhraseAnalyzer { get; }
    /// <summary>Folding and synonyms, without stemming: the synonyms of a word as words.</summary>
    public Analyzer SynonymsOnlyAnalyzer { get; private set; }
    /// <summary>True when the index on disk was missing, unreadable or built with other analysis: it must be filled from scratch.</summary>
    public bool NeedsRebuild { get; }
    /// <summary>The last change-log row the committed index contains.</summary>
    public long LastChange { get; private set; }
    /// <summary>When the last commit was made (UTC): items whose publication moment passed since then may be missing.</summary>
    public DateTime CommittedAt { get; private set; }

    private SearchIndex(Directory directory, SearchLexicon lexicon, bool needsRebuild, long lastChange, DateTime committedAt = default)
    {
        CommittedAt = committedAt;
        this.directory = directory;
        Lexicon = lexicon;
        fingerprint = Schema + ":" + lexicon.Fingerprint;
        IndexAnalyzer = CreateIndexAnalyzer(lexicon);
        QueryAnalyzer = new DutchSearchAnalyzer(lexicon, forIndexing: false);
        SynonymsOnlyAnalyzer = new SynonymAnalyzer(lexicon);
        PhraseAnalyzer = new DutchSearchAnalyzer(lexicon, forIndexing: false, withSynonyms: false);
        var config = new IndexWriterConfig(SearchLexicon.Version, IndexAnalyzer)
        {
            OpenMode = needsRebuild ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
            Similarity = Ranking.Instance,
        };
        writer = new IndexWriter(directory, config);
        Searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: new Ranking.Searchers());
        NeedsRebuild = needsRebuild;
        LastChange = needsRebuild ? 0 : lastChange;
    }

    /// <summary>Opens the index in <paramref name="folder"/>, or an empty one when it is missing, corrupt or stale in its analysis.</summary>
    public static SearchIndex Open(string folder, SearchLexicon lexicon)
    {
        System.IO.Directory.CreateDirectory(folder);
        var directory = new MappedDirectory(folder);
        var expected = Schema + ":" + lexicon.Fingerprint;
        var (healthy, lastChange, committedAt) = ReadCommit(directory, expected);
        return new SearchIndex(directory, lexicon, needsRebuild: !healthy, lastChange, committedAt);
    }

    /// <summary>An index in memory, for tests and benchmarks.</summary>
    public static SearchIndex InMemory(SearchLexicon lexicon) => new(new RAMDirectory(), lexicon, needsRebuild: true, 0);

    private static (bool Healthy, long LastChange, DateTime CommittedAt) ReadCommit(Directory directory, string expectedFingerprint)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
                return (false, 0, default);
            using var reader = DirectoryReader.Open(directory);
            var data = reader.IndexCommit.UserData;
            if (!data.TryGetValue(FingerprintKey, out var found) || found != expectedFingerprint
                || !data.TryGetValue(LastChangeKey, out var last) || !long.TryParse(last, out var lastChange)
                || !data.TryGetValue(CommittedAtKey, out var at) || !long.TryParse(at, out var ticks))
                return (false, 0, default);
            return (true, lastChange, new DateTime(ticks, DateTimeKind.Utc));
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or LockObtainFailedException)
        {
            // Derived data: an unreadable index is thrown away and built again.
            return (false, 0, default);
        }
    }

    public static Analyzer CreateIndexAnalyzer(SearchLexicon lexicon)
    {
        var folding = new FoldingAnalyzer();
        return new PerFieldAnalyzerWrapper(new DutchSearchAnalyzer(lexicon, forIndexing: true),
            new Dictionary<string, Analyzer> { [SearchFields.Vocabulary] = folding, [SearchFields.TitleWords] = folding });
    }

    /// <summary>
    /// Searches with another synonym list from now on. Synonyms are applied to queries only, so the index stays as it
    /// is; the old analyzer is left to the garbage collector, as searches in flight may still use it.
    /// </summary>
    public void UseSynonyms(string synonymsText)
    {
        var lexicon = Lexicon.WithSynonyms(synonymsText);
        SynonymsOnlyAnalyzer = new SynonymAnalyzer(lexicon);
        Lexicon = lexicon;
        // Last: a search that sees the new query analyser sees the rest new too (its forms are kept per query analyser).
        QueryAnalyzer = new DutchSearchAnalyzer(lexicon, forIndexing: false);
    }

    public void Upsert(SearchDocument document) => writer.UpdateDocument(new Term(SearchFields.Id, Id(document.Id)), ToLucene(document));

    public void Delete(int id) => writer.DeleteDocuments(new Term(SearchFields.Id, Id(id)));

    public void DeleteAll() => writer.DeleteAll();

    /// <summary>Makes every change so far visible to new searches (near real time, no commit).</summary>
    public void Refresh() => Searchers.MaybeRefreshBlocking();

    /// <summary>Writes the index durably, recording the last change-log row it contains.</summary>
    public void Commit(long lastChange, DateTime utcNow)
    {
        writer.SetCommitData(new Dictionary<string, string>
        {
            [LastChangeKey] = lastChange.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [CommittedAtKey] = utcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [FingerprintKey] = fingerprint,
        });
        writer.Commit();
        LastChange = lastChange;
        CommittedAt = utcNow;
    }

    public int DocumentCount
    {
        get
        {
            var searcher = Searchers.Acquire();
            try { return searcher.IndexReader.NumDocs; }
            finally { Searchers.Release(searcher); }
        }
    }

    /// <summary>Size of the committed files on disk, in bytes (0 in memory).</summary>
    public long SizeInBytes() => directory is FSDirectory fs
        ? new DirectoryInfo(fs.Directory.FullName).EnumerateFiles().Sum(f => f.Length)
        : ((RAMDirectory)directory).GetSizeInBytes();

    internal static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stored text whose postings keep character offsets: snippets read where the words are from the index.</summary>
    private static readonly FieldType TextWithOffsets = new(TextField.TYPE_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    };

    private static Document ToLucene(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Id, Id(d.Id), Field.Store.YES),
            new StoredField(SearchFields.Slug, d.Slug),
            new StoredField(SearchFields.Url, d.Url),
            new Field(SearchFields.Title, d.Title, TextWithOffsets),
            new Field(SearchFields.Summary, d.Summary, TextWithOffsets),
            new Field(SearchFields.Body, d.Body, TextWithOffsets),
            new Field(SearchFields.Lessons, d.Lessons, TextWithOffsets),
            new TextField(SearchFields.Tags, d.Tags, Field.Store.NO),
            new TextField(SearchFields.Vocabulary, string.Join('\n', d.Title, d.Summary, d.Body, d.Lessons, d.Tags), Field.Store.NO),
            new TextField(SearchFields.TitleWords, d.Title, Field.Store.NO),
            new NumericDocValuesField(SearchFields.Published, d.Published.Ticks),
            new StoredField(SearchFields.Published, d.Published.Ticks),
        };
        if (d.Fictional)
            doc.Add(new StoredField(SearchFields.Fictional, 1));
        AddFacet(doc, SearchFields.Type, d.Type);
        foreach (var theme in d.Themes) AddFacet(doc, SearchFields.Theme, theme);
        foreach (var principle in d.Principles) AddFacet(doc, SearchFields.Principle, principle);
        foreach (var pattern in d.FailurePatterns) AddFacet(doc, SearchFields.FailurePattern, pattern);
        foreach (var group in d.TargetGroups) AddFacet(doc, SearchFields.TargetGroup, group);
        AddFacet(doc, SearchFields.Outcome, d.Outcome);
        AddFacet(doc, SearchFields.Evidence, d.Evidence);
        AddFacet(doc, SearchFields.Municipality, d.Municipality);
        AddFacet(doc, SearchFields.Neighbourhood, d.Neighbourhood);
        return doc;
    }

    /// <summary>A facet value is indexed twice: as a term to filter on, and as doc values to count in one pass.</summary>
    private static void AddFacet(Document doc, string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        doc.Add(new StringField(field, value, Field.Store.YES));
        doc.Add(SearchFields.MultiValued.Contains(field)
            ? new SortedSetDocValuesField(field, new BytesRef(value))
            : new SortedDocValuesField(field, new BytesRef(value)));
    }

    public void Dispose()
    {
        Searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        IndexAnalyzer.Dispose();
        QueryAnalyzer.Dispose();
        PhraseAnalyzer.Dispose();
    }
}
