using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// A hit as its stored fields give it: the document, the hit without score and snippet, and the texts a snippet is
/// taken from. Worked out once per document and reader, like the fields themselves.
/// </summary>
internal sealed record StoredHit(Document Document, SearchHit Hit, IReadOnlyList<string> Texts);

/// <summary>
/// The stored fields of hits, decoded once per index reader. Lucene keeps them compressed in blocks of several items,
/// so reading one item's fields decompresses its block up to that item: on the search page of a small site that was the
/// largest single cost. A new reader (after any change) starts with an empty table, and a table goes with its reader.
/// At most <see cref="Capacity"/> items and <see cref="MaxCharacters"/> characters of their text are kept per reader,
/// so neither a large index nor very long texts end up in memory.
/// </summary>
internal static class StoredHits
{
    public const int Capacity = 2048;
    public const long MaxCharacters = 4_000_000;

    private sealed class Table
    {
        public readonly ConcurrentDictionary<int, StoredHit> Documents = new();
        public int Count;
        public long Characters;
    }

    private static readonly ConditionalWeakTable<IndexReader, Table> Tables = new();

    /// <summary>The fields <paramref name="fields"/> of document <paramref name="doc"/>, made into a hit by <paramref name="hit"/>; every caller asks the same fields.</summary>
    public static StoredHit Get(IndexSearcher searcher, int doc, ISet<string> fields, Func<Document, StoredHit> hit)
    {
        var table = Tables.GetValue(searcher.IndexReader, _ => new Table());
        if (table.Documents.TryGetValue(doc, out var found))
            return found;
        var document = searcher.Doc(doc, fields);
        var loaded = hit(document);
        var size = document.Fields.Sum(f => (long)(f.GetStringValue()?.Length ?? 0));
        if (Volatile.Read(ref table.Count) < Capacity && Volatile.Read(ref table.Characters) + size <= MaxCharacters && table.Documents.TryAdd(doc, loaded))
        {
            Interlocked.Increment(ref table.Count);
            Interlocked.Add(ref table.Characters, size);
        }
        return loaded;
    }
}
