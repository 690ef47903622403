using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// Looks up the terms of a query in the index all at once, before Lucene would look them up one by one. A query of a
/// few words holds a hundred or more term queries (every field times every form of every word); left alone, each one
/// opens its own terms enumerator per segment and seeks its term from the root of the terms dictionary, which was
/// the largest cost of a search page on a small site. Here each field of each segment gets one enumerator, which
/// visits that field's terms in sorted order, and a term that occurs in several clauses is looked up once. The
/// statistics are exactly those Lucene would find itself (<see cref="TermContext.Build"/> does the same per term),
/// so scores and results do not change.
/// What a lookup found (the term's state and statistics, or that the segment lacks it) is kept per segment, as Lucene
/// 3's terms cache did: a segment never changes, so neither does the answer, and searches repeat their words. The
/// cache goes with the segment when it is merged away, and holds at most <see cref="KeptPerSegment"/> terms, so
/// endless new words cannot fill memory (beyond that, terms are looked up every time, as before).
/// </summary>
internal static class TermStates
{
    /// <summary>
    /// <paramref name="query"/> with its term queries carrying their term states for <paramref name="searcher"/>; the
    /// tree keeps its shape (<see cref="TermAtATime"/> plans by it). Term queries inside containers this does not know,
    /// or that cannot take another query in their place, keep looking up their own terms.
    /// </summary>
    public static Query Resolve(IndexSearcher searcher, Query query)
    {
        var found = new List<(Action<TermQuery> Replace, TermQuery Query)>();
        var result = query;
        Collect(query, q => result = q, found);
        if (found.Count == 0)
            return query;
        var top = searcher.TopReaderContext;
        var contexts = new Dictionary<Term, TermContext>();
        foreach (var (_, termQuery) in found)
            contexts.TryAdd(termQuery.Term, new TermContext(top));
        Fill(top, contexts);
        foreach (var (replace, termQuery) in found)
            replace(new ResolvedTermQuery(termQuery.Term, contexts[termQuery.Term]) { Boost = termQuery.Boost });
        return result;
    }

    /// <summary>Every term query of the tree, with how to put another in its place (null: its container cannot change).</summary>
    private static void Collect(Query query, Action<TermQuery>? replace, List<(Action<TermQuery>, TermQuery)> found)
    {
        switch (query)
        {
            case TermQuery termQuery when replace is not null:
                found.Add((replace, termQuery));
                break;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                    Collect(clause.Query, q => clause.Query = q, found);
                break;
            case DisjunctionMaxQuery disjunction:
                var disjuncts = disjunction.Disjuncts;
                for (var i = 0; i < disjuncts.Count; i++)
                {
                    var index = i;
                    Collect(disjuncts[i], q => disjuncts[index] = q, found);
                }
                break;
            case FilteredQuery filtered:
                Collect(filtered.Query, null, found);
                break;
            case ConstantScoreQuery { Query: { } inner }:
                Collect(inner, null, found);
                break;
            case Favouring favouring:
                Collect(favouring.Match, null, found);
                Collect(favouring.Context, null, found);
                break;
        }
    }

    /// <summary>Terms a segment keeps the lookups of; about 200 bytes each.</summary>
    public const int KeptPerSegment = 20_000;

    /// <summary>Terms a reader keeps the number of items holding them of; the reader changes with the index.</summary>
    private const int KeptPerReader = 20_000;

    private static readonly ConditionalWeakTable<IndexReader, Kept<(string Field, string Text), int>> Readers = new();

    /// <summary>
    /// How many items hold <paramref name="text"/> in <paramref name="field"/>, kept per reader: query building and
    /// feedback ask this of the same words search after search, and the kept pair saves making the term's bytes and
    /// asking every segment.
    /// </summary>
    public static int DocFreq(IndexReader reader, string field, string text) =>
        Readers.GetValue(reader, _ => new Kept<(string, string), int>(KeptPerReader))
            .GetOrKeep((field, text), reader, static (key, reader) => DocFreq(reader, new Term(key.Field, key.Text)));

    /// <summary>How many items hold <paramref name="term"/>, as <see cref="IndexReader.DocFreq"/>, from the segments' kept lookups.</summary>
    public static int DocFreq(IndexReader reader, Term term)
    {
        var count = 0;
        foreach (var leaf in reader.Leaves)
            count += Find(leaf.AtomicReader, Known.For(leaf.AtomicReader), term)?.DocFreq ?? 0;
        return count;
    }

    /// <summary>Phrases whose rarest position is held by more items than this are left to Lucene unchecked.</summary>
    private const int CheckedPhraseDocs = 1_000;

    /// <summary>
    /// Whether no item holds a term of every position of a phrase, in any segment: then the phrase cannot match, and
    /// Lucene's phrase weight, which looks up each of its terms again, need not be made. Reads the items of the
    /// rarest position and asks the other positions about those only; a phrase whose rarest position is common is
    /// not checked (false), so the check never costs more than a small part of what the phrase itself would.
    /// </summary>
    public static bool CannotMatch(IndexReader reader, IList<Term[]> positions)
    {
        if (positions.Count == 0 || positions.Any(p => p.Length == 0))
            return false; // Lucene rewrites these; leave them to it
        foreach (var leaf in reader.Leaves)
        {
            var known = Known.For(leaf.AtomicReader);
            var held = new List<List<(Term Term, Found Found)>>(positions.Count);
            foreach (var position in positions)
            {
                var found = new List<(Term, Found)>();
                foreach (var term in position)
                    if (Find(leaf.AtomicReader, known, term) is { } state)
                        found.Add((term, state));
                if (found.Count == 0)
                    break;
                held.Add(found);
            }
            if (held.Count < positions.Count)
                continue; // a position this segment lacks altogether
            var rarest = held.MinBy(p => p.Sum(t => t.Found.DocFreq))!;
            if (rarest.Sum(t => t.Found.DocFreq) > CheckedPhraseDocs)
                return false;
            var candidates = Items(leaf.AtomicReader, rarest);
            foreach (var position in held)
            {
                if (candidates.Count == 0)
                    break;
                if (!ReferenceEquals(position, rarest))
                    candidates = Among(leaf.AtomicReader, position, candidates);
            }
            if (candidates.Count > 0)
                return false;
        }
        return true;
    }

    /// <summary>The term's states and statistics in every segment, as <see cref="TermContext.Build"/> finds them, from the kept lookups.</summary>
    public static TermContext Context(IndexReaderContext top, Term term)
    {
        var context = new TermContext(top);
        foreach (var leaf in top.Leaves)
            if (Find(leaf.AtomicReader, Known.For(leaf.AtomicReader), term) is { } found)
                context.Register(found.State, leaf.Ord, found.DocFreq, found.TotalTermFreq);
        return context;
    }

    /// <summary>Positions <paramref name="enumerator"/> (of <paramref name="reader"/>'s field of the term) on the term, as <see cref="TermsEnum.SeekExact(BytesRef)"/>, from the kept lookup when there is one.</summary>
    public static bool SeekExact(AtomicReader reader, TermsEnum enumerator, Term term)
    {
        var known = Known.For(reader);
        if (!known.TryGet(term, out var found))
            return known.Look(enumerator, term) is not null; // leaves the enumerator on the term when found
        if (found is null)
            return false;
        enumerator.SeekExact(term.Bytes, found.State);
        return true;
    }

    private static Found? Find(AtomicReader reader, Known known, Term term) =>
        known.TryGet(term, out var found) ? found : known.Look(reader.Fields?.GetTerms(term.Field)?.GetEnumerator(), term);

    private static DocsEnum Postings(AtomicReader reader, Term term, Found found)
    {
        var enumerator = reader.Fields.GetTerms(term.Field).GetEnumerator();
        enumerator.SeekExact(term.Bytes, found.State);
        return enumerator.Docs(reader.LiveDocs, null, DocsFlags.NONE);
    }

    /// <summary>The live items holding any term of a position, in order.</summary>
    private static List<int> Items(AtomicReader reader, List<(Term Term, Found Found)> position)
    {
        var items = new SortedSet<int>();
        foreach (var (term, found) in position)
        {
            var docs = Postings(reader, term, found);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                items.Add(doc);
        }
        return [.. items];
    }

    /// <summary>Those of <paramref name="candidates"/> (in order) that hold a term of the position.</summary>
    private static List<int> Among(AtomicReader reader, List<(Term Term, Found Found)> position, List<int> candidates)
    {
        var holds = new bool[candidates.Count];
        foreach (var (term, found) in position)
        {
            var docs = Postings(reader, term, found);
            for (var i = 0; i < candidates.Count; i++)
            {
                var doc = docs.DocID < candidates[i] ? docs.Advance(candidates[i]) : docs.DocID;
                if (doc == DocIdSetIterator.NO_MORE_DOCS)
                    break;
                holds[i] |= doc == candidates[i];
            }
        }
        return candidates.Where((_, i) => holds[i]).ToList();
    }

    /// <summary>
    /// Registers each term's state in every segment that holds it: from the segment's kept lookups, and for the terms it
    /// has not looked up yet, per field, with one enumerator that seeks them in sorted order. Most searches repeat
    /// words, so most terms are kept and only the rest are sorted.
    /// </summary>
    private static void Fill(IndexReaderContext top, Dictionary<Term, TermContext> contexts)
    {
        foreach (var leaf in top.Leaves)
        {
            var known = Known.For(leaf.AtomicReader);
            List<Term>? missing = null;
            foreach (var (term, context) in contexts)
            {
                if (!known.TryGet(term, out var found))
                    (missing ??= []).Add(term);
                else if (found is not null)
                    context.Register(found.State, leaf.Ord, found.DocFreq, found.TotalTermFreq);
            }
            if (missing is null)
                continue;
            foreach (var field in missing.GroupBy(t => t.Field))
            {
                var enumerator = leaf.AtomicReader.Fields?.GetTerms(field.Key)?.GetEnumerator();
                foreach (var term in field.Order())
                    if (known.Look(enumerator, term) is { } found)
                        contexts[term].Register(found.State, leaf.Ord, found.DocFreq, found.TotalTermFreq);
            }
        }
    }

    /// <summary>A term's state and statistics in one segment.</summary>
    private sealed record Found(TermState State, int DocFreq, long TotalTermFreq);

    /// <summary>One segment's kept lookups: a term's <see cref="Found"/>, or null when the segment lacks it.</summary>
    private sealed class Known
    {
        private static readonly ConditionalWeakTable<object, Known> Segments = new();
        private readonly Kept<Term, Found?> terms = new(KeptPerSegment);

        // The core key is shared by every reopened view of the same segment; deletes do not change its terms.
        public static Known For(AtomicReader reader) => Segments.GetValue(reader.CoreCacheKey, _ => new Known());

        public bool TryGet(Term term, out Found? found) => terms.TryGet(term, out found);

        /// <summary>Seeks <paramref name="term"/> with the segment's enumerator for its field (null: no such field) and keeps the answer.</summary>
        public Found? Look(TermsEnum? enumerator, Term term)
        {
            // The state is the enumerator's own copy (GetTermState clones it) and is only ever read after this.
            var found = enumerator is not null && enumerator.SeekExact(term.Bytes)
                ? new Found(enumerator.GetTermState(), enumerator.DocFreq, enumerator.TotalTermFreq)
                : null;
            terms.Keep(term, found);
            return found;
        }
    }
}

/// <summary>A term query that carries its term states (<see cref="TermStates.Resolve"/>) where others can read them.</summary>
internal sealed class ResolvedTermQuery(Term term, TermContext states) : TermQuery(term, states)
{
    public TermContext States { get; } = states;
}
