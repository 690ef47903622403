using System.Buffers;
using System.Numerics;
using Kennisplatform.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// Runs a query term at a time into per-segment arrays instead of document at a time, with the scores Lucene gives.
/// A word of our queries is a flat OR of twenty or more (field, form) terms, nested under the query's words, proximity
/// and intent. Lucene 4.8 scores such nested OR groups through a heap of sub-scorers per document, about 85 ns for each
/// posting at 100,000 items; adding each term's postings into an array of the segment's size costs a fraction of that.
/// The scores are Lucene's own: the same weights, normalisation, coordination and tie-breaking, only summed in
/// another order. A query shape this class does not know runs through Lucene as before.
/// </summary>
internal static class TermAtATime
{
    /// <summary>Collects the query's hits into <paramref name="collector"/>, and counts them in <paramref name="facets"/> when given.</summary>
    /// <param name="feedback">
    /// Given the query's <see cref="Feedback.Hits"/> best hits (top-level document numbers, best first), a query to score
    /// beside the query's words, or null: its matches are added to the query's own (<see cref="Node.Wrap"/>) before any
    /// is collected, so the query's own terms are scored once, not twice.
    /// </param>
    /// <param name="favoured">
    /// Given the query's <see cref="Themes.Hits"/> best hits (as for <paramref name="feedback"/>), items to favour and by
    /// how much, or null: the matches among them, feedback's included, are multiplied by the factor before any is
    /// collected, as if the whole query were favouring them (<see cref="Favouring"/>).
    /// </param>
    public static void Search(IndexSearcher searcher, Query query, ICollector collector, FacetCounter? facets = null,
        Func<IReadOnlyList<int>, Query?>? feedback = null, Func<IReadOnlyList<int>, (Query Items, float Factor)?>? favoured = null)
    {
        var root = Plan(searcher, query);
        if (root is null)
        {
            searcher.Search(query, facets is null ? collector : MultiCollector.Wrap(collector, facets));
            return;
        }
        // BM25 has no query norm (its weights ignore it), so the tree's norm values need not be worked out at all.
        var norm = searcher.Similarity is Ranking or Lucene.Net.Search.Similarities.BM25Similarity ? 1f : searcher.Similarity.QueryNorm(root.Value);
        norm = float.IsInfinity(norm) || float.IsNaN(norm) ? 1f : norm;
        root.Normalize(norm, 1f);
        var scorer = new CollectedScorer();
        var enumerators = Enumerators.For(searcher.IndexReader);
        var leaves = searcher.IndexReader.Leaves;
        Segment SegmentOf(AtomicReaderContext context) => new(context, context.AtomicReader.LiveDocs, enumerators[context.Ord]);
        if (feedback is null && favoured is null)
        {
            // One segment at a time: only one segment's arrays are held at once.
            foreach (var context in leaves)
            {
                using var matches = root.Evaluate(SegmentOf(context));
                Collect(context, matches, collector, scorer, facets);
            }
            return;
        }
        var all = new Matches?[leaves.Count];
        try
        {
            foreach (var context in leaves)
                all[context.Ord] = root.Evaluate(SegmentOf(context));
            var best = Best(leaves, all, Math.Max(Feedback.Hits, Themes.Hits));
            if (feedback?.Invoke(best[..Math.Min(best.Length, Feedback.Hits)]) is { } extra && Plan(searcher, extra) is { } added)
            {
                added.Normalize(norm, 1f);
                foreach (var context in leaves)
                    if (added.Evaluate(SegmentOf(context)) is { } more)
                        all[context.Ord] = Matches.Union(all[context.Ord], root.Wrap(SegmentOf(context), more));
            }
            if (favoured?.Invoke(best) is { } favour && Plan(searcher, favour.Items) is { } items)
            {
                items.Normalize(norm, 1f);
                foreach (var context in leaves)
                    if (all[context.Ord] is { } matches)
                        FavourNode.Multiply(items, SegmentOf(context), matches, favour.Factor);
            }
            foreach (var context in leaves)
                Collect(context, all[context.Ord], collector, scorer, facets);
        }
        finally
        {
            foreach (var matches in all)
                matches?.Dispose();
        }
    }

    private static void Collect(AtomicReaderContext context, Matches? matches, ICollector collector, CollectedScorer scorer, FacetCounter? facets)
    {
        collector.SetNextReader(context);
        collector.SetScorer(scorer);
        if (matches is null) return;
        facets?.CountSegment(context, matches.Bits, matches.Words);
        var state = (Collector: collector, Scorer: scorer);
        matches.ForEach(ref state, static (ref (ICollector Collector, CollectedScorer Scorer) s, int doc, float score) =>
        {
            s.Scorer.Doc = doc;
            s.Scorer.Score = score;
            s.Collector.Collect(doc);
        });
    }

    /// <summary>The <paramref name="count"/> best of the matches (top-level document numbers), best first; of equal scores the first item, as Lucene's collector.</summary>
    private static int[] Best(IList<AtomicReaderContext> leaves, Matches?[] all, int count)
    {
        var best = (Docs: new int[count], Scores: new float[count], Count: 0, Base: 0);
        foreach (var context in leaves)
        {
            best.Base = context.DocBase;
            all[context.Ord]?.ForEach(ref best, static (ref (int[] Docs, float[] Scores, int Count, int Base) b, int doc, float score) =>
            {
                if (b.Count == b.Docs.Length && score <= b.Scores[^1]) return;
                var at = Math.Min(b.Count, b.Docs.Length - 1);
                while (at > 0 && score > b.Scores[at - 1])
                {
                    b.Scores[at] = b.Scores[at - 1];
                    b.Docs[at] = b.Docs[at - 1];
                    at--;
                }
                b.Scores[at] = score;
                b.Docs[at] = b.Base + doc;
                b.Count = Math.Min(b.Count + 1, b.Docs.Length);
            });
        }
        return best.Docs[..best.Count];
    }

    /// <summary>The query as a tree of nodes, or null when it holds a shape whose scores this class cannot reproduce.</summary>
    internal static Node? Plan(IndexSearcher searcher, Query query) => query switch
    {
        Favouring favouring => Plan(searcher, favouring.Match) is { } match && Plan(searcher, favouring.Context) is { } context
            ? new FavourNode(match, context, favouring.Factor) : null,
        BooleanQuery boolean when boolean.GetType() == typeof(BooleanQuery) || boolean is KeywordQuery => BooleanNode.Of(searcher, boolean),
        DisjunctionMaxQuery dismax => DisMaxNode.Of(searcher, dismax),
        FilteredQuery filtered => Plan(searcher, filtered.Query) is { } inner ? new FilterNode(inner, filtered.Filter, filtered.Boost) : null,
        BoostingQuery => null,
        PhraseQuery phrase when TermStates.CannotMatch(searcher.IndexReader, phrase.GetTerms().Select(t => new[] { t }).ToList()) => new NoMatchNode(searcher, phrase, phrase.GetTerms()),
        MultiPhraseQuery phrase when TermStates.CannotMatch(searcher.IndexReader, phrase.GetTermArrays()) => new NoMatchNode(searcher, phrase, phrase.GetTermArrays().SelectMany(t => t).ToArray()),
        ResolvedTermQuery term => new TermNode(searcher, term),
        _ => new LeafNode(searcher, query),
    };

    /// <param name="Enumerators">The enumerators term nodes share for the segment (<see cref="Enumerators"/>).</param>
    internal readonly record struct Segment(AtomicReaderContext Context, IBits? LiveDocs, Enumerators Enumerators)
    {
        public int MaxDoc => Context.AtomicReader.MaxDoc;
    }

    /// <summary>
    /// Enumerators for one segment: per field a terms enumerator and a postings enumerator, used again for every term
    /// of the field. Lucene's term weight opens both anew for each term, and a postings enumerator allocates about
    /// 1.5 KB of buffers; a query holds a hundred or more terms. A node reads a term's postings to the end before the
    /// next term is asked for, so one postings enumerator per field is never read by two at once. Each thread keeps
    /// the set of the reader it searched last and uses it again while that reader is current: a search runs on one
    /// thread from start to end, and a new reader (after a change to the index) gets a new set.
    /// </summary>
    internal sealed class Enumerators(AtomicReader reader)
    {
        [ThreadStatic] private static IndexReader? keptFor;
        [ThreadStatic] private static Enumerators[]? kept;

        private readonly Dictionary<string, (TermsEnum? Terms, DocsEnum? Docs)> byField = new(StringComparer.Ordinal);

        /// <summary>This thread's enumerators for each segment of <paramref name="top"/>, by the segment's ord.</summary>
        public static Enumerators[] For(IndexReader top)
        {
            if (ReferenceEquals(keptFor, top) && kept is not null)
                return kept;
            var leaves = top.Leaves;
            var segments = new Enumerators[leaves.Count];
            for (var i = 0; i < segments.Length; i++)
                segments[i] = new Enumerators(leaves[i].AtomicReader);
            keptFor = top;
            return kept = segments;
        }

        /// <summary>The postings of <paramref name="term"/>, whose state in this segment is <paramref name="state"/>, with frequencies.</summary>
        public DocsEnum? Docs(Term term, TermState state, IBits? liveDocs)
        {
            ref var field = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byField, term.Field, out var known);
            if (!known)
                field.Terms = reader.GetTerms(term.Field)?.GetEnumerator();
            if (field.Terms is null)
                return null;
            field.Terms.SeekExact(term.Bytes, state);
            return field.Docs = field.Terms.Docs(liveDocs, field.Docs);
        }
    }

    /// <summary>The documents a node matches in one segment, and their scores; arrays are rented and given back on dispose.</summary>
    internal sealed class Matches : IDisposable
    {
        public float[] Scores { get; }
        public ulong[] Bits { get; }
        public int Words { get; }

        public Matches(int maxDoc)
        {
            Words = (maxDoc + 63) >> 6;
            Scores = ArrayPool<float>.Shared.Rent(Math.Max(1, maxDoc));
            Bits = ArrayPool<ulong>.Shared.Rent(Math.Max(1, Words));
            Array.Clear(Scores, 0, maxDoc);
            Array.Clear(Bits, 0, Words);
        }

        public bool Has(int doc) => (Bits[doc >> 6] & (1UL << doc)) != 0;

        public void Set(int doc) => Bits[doc >> 6] |= 1UL << doc;

        public void Unset(int doc) => Bits[doc >> 6] &= ~(1UL << doc);

        /// <summary>Calls <paramref name="each"/> with every matching document in order and its score.</summary>
        public void ForEach<TState>(ref TState state, Visit<TState> each)
        {
            for (var w = 0; w < Words; w++)
            {
                var word = Bits[w];
                while (word != 0)
                {
                    var doc = (w << 6) + BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    each(ref state, doc, Scores[doc]);
                }
            }
        }

        /// <summary>
        /// Keeps the documents <paramref name="keep"/> says yes to (it may change their score) and drops the others:
        /// these matches, or null (and disposed) when none is left.
        /// </summary>
        public Matches? Retain<TState>(ref TState state, Keep<TState> keep)
        {
            var any = false;
            for (var w = 0; w < Words; w++)
            {
                var word = Bits[w];
                while (word != 0)
                {
                    var doc = (w << 6) + BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    if (keep(ref state, doc, ref Scores[doc])) any = true;
                    else Unset(doc);
                }
            }
            return any ? this : Disposed();
        }

        /// <summary>The documents of both with their scores summed, in <paramref name="into"/> when there is one; <paramref name="other"/> is disposed then.</summary>
        public static Matches? Union(Matches? into, Matches? other)
        {
            if (into is null || other is null)
                return into ?? other;
            var target = into;
            other.ForEach(ref target, static (ref Matches m, int doc, float score) =>
            {
                // A document dropped earlier (excluded, filtered out) may still hold its old score.
                if (m.Has(doc)) m.Scores[doc] += score;
                else m.Scores[doc] = score;
                m.Set(doc);
            });
            other.Dispose();
            return into;
        }

        /// <summary>These matches, or null (and disposed) when no document is set.</summary>
        public Matches? OrNone()
        {
            for (var w = 0; w < Words; w++)
                if (Bits[w] != 0)
                    return this;
            return Disposed();
        }

        private Matches? Disposed()
        {
            Dispose();
            return null;
        }

        public void Dispose()
        {
            ArrayPool<float>.Shared.Return(Scores);
            ArrayPool<ulong>.Shared.Return(Bits);
        }
    }

    internal delegate void Visit<TState>(ref TState state, int doc, float score);

    internal delegate bool Keep<TState>(ref TState state, int doc, ref float score);

    internal abstract class Node
    {
        /// <summary>What the node adds to the query norm, as Lucene's <see cref="Weight.GetValueForNormalization"/>.</summary>
        public abstract float Value { get; }
        public abstract void Normalize(float norm, float boost);
        /// <summary>The matches in one segment, or null for none.</summary>
        public abstract Matches? Evaluate(Segment segment);

        /// <summary>
        /// What this node makes of <paramref name="added"/>, matches scored beside the query's words: what it favours is
        /// multiplied and what it filters out is dropped, as if they had been a clause next to those words. A node that
        /// neither favours nor filters is where they join: they keep their scores, but not an item the query excludes
        /// (<see cref="Excluding"/>). Disposes them when none is left.
        /// </summary>
        public virtual Matches? Wrap(Segment segment, Matches added) => Excluding(segment, added);

        /// <summary><paramref name="matches"/> without the items this node excludes whatever else matches ("-buurt"); disposed when none is left.</summary>
        public virtual Matches? Excluding(Segment segment, Matches matches) => matches;

        /// <summary>Feeds every match to <paramref name="each"/>; a leaf streams its postings without arrays of its own.</summary>
        public virtual void ForEach<TState>(Segment segment, ref TState state, Visit<TState> each)
        {
            using var matches = Evaluate(segment);
            matches?.ForEach(ref state, each);
        }
    }

    /// <summary>Any query scored by its own Lucene scorer: terms, phrases, constant scores.</summary>
    private sealed class LeafNode : Node
    {
        private readonly Weight weight;

        public LeafNode(IndexSearcher searcher, Query query)
        {
            weight = searcher.Rewrite(query).CreateWeight(searcher);
            Value = weight.GetValueForNormalization();
        }

        public override float Value { get; }

        public override void Normalize(float norm, float boost) => weight.Normalize(norm, boost);

        public override Matches? Evaluate(Segment segment) => Collect(this, segment);

        /// <summary>A streaming node's matches gathered into arrays, or null for none.</summary>
        public static Matches? Collect(Node node, Segment segment)
        {
            var state = (Result: new Matches(segment.MaxDoc), Any: false);
            node.ForEach(segment, ref state, static (ref (Matches Result, bool Any) s, int doc, float score) =>
            {
                s.Result.Set(doc);
                s.Result.Scores[doc] = score;
                s.Any = true;
            });
            if (state.Any) return state.Result;
            state.Result.Dispose();
            return null;
        }

        public override void ForEach<TState>(Segment segment, ref TState state, Visit<TState> each)
        {
            var scorer = weight.GetScorer(segment.Context, segment.LiveDocs);
            if (scorer is null) return;
            for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
                each(ref state, doc, scorer.GetScore());
        }
    }

    /// <summary>
    /// A term whose states were looked up (<see cref="ResolvedTermQuery"/>), scored as Lucene's term weight and term
    /// scorer score it, from the same statistics, but with the segment's shared <see cref="Enumerators"/>.
    /// </summary>
    private sealed class TermNode : Node
    {
        private readonly Term term;
        private readonly TermContext states;
        private readonly Lucene.Net.Search.Similarities.Similarity similarity;
        private readonly Lucene.Net.Search.Similarities.Similarity.SimWeight weight;

        public TermNode(IndexSearcher searcher, ResolvedTermQuery query)
        {
            term = query.Term;
            states = query.States;
            similarity = searcher.Similarity;
            weight = similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(term.Field), searcher.TermStatistics(term, states));
        }

        public override float Value => weight.GetValueForNormalization();

        public override void Normalize(float norm, float boost) => weight.Normalize(norm, boost);

        public override Matches? Evaluate(Segment segment) => LeafNode.Collect(this, segment);

        public override void ForEach<TState>(Segment segment, ref TState state, Visit<TState> each)
        {
            if (states.Get(segment.Context.Ord) is not { } termState
                || segment.Enumerators.Docs(term, termState, segment.LiveDocs) is not { } docs)
                return;
            var scorer = similarity.GetSimScorer(weight, segment.Context);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                each(ref state, doc, scorer.Score(doc, docs.Freq));
        }
    }

    /// <summary>
    /// A phrase no item holds (<see cref="TermStates.CannotMatch"/>): it matches nothing, but still counts in its query's
    /// coordination and norm exactly as Lucene's phrase weight would, from the same statistics.
    /// </summary>
    private sealed class NoMatchNode : Node
    {
        private readonly Lazy<float> value;

        public NoMatchNode(IndexSearcher searcher, Query phrase, Term[] terms) =>
            value = new Lazy<float>(() =>
            {
                var top = searcher.TopReaderContext;
                var statistics = terms.Select(t => searcher.TermStatistics(t, TermStates.Context(top, t))).ToArray();
                return searcher.Similarity.ComputeWeight(phrase.Boost, searcher.CollectionStatistics(terms[0].Field), statistics).GetValueForNormalization();
            }, LazyThreadSafetyMode.None);

        /// <summary>Worked out only when asked: under BM25 nobody asks.</summary>
        public override float Value => value.Value;

        public override void Normalize(float norm, float boost) { }

        public override Matches? Evaluate(Segment segment) => null;

        public override void ForEach<TState>(Segment segment, ref TState state, Visit<TState> each) { }
    }

    private sealed class BooleanNode : Node
    {
        private readonly List<(Node Node, Occur Occur)> clauses;
        private readonly float boost;
        private readonly float[] coord;
        private readonly int required;
        private readonly bool plain;

        private BooleanNode(List<(Node, Occur)> clauses, float boost, float[] coord, int required)
        {
            this.clauses = clauses;
            this.boost = boost;
            this.coord = coord;
            this.required = required;
            plain = required == 0 && clauses.All(c => c.Item2 == Occur.SHOULD) && coord.All(c => c == 1f);
        }

        public static BooleanNode? Of(IndexSearcher searcher, BooleanQuery query)
        {
            if (query.MinimumNumberShouldMatch > 0) return null;
            var clauses = new List<(Node, Occur)>();
            foreach (var clause in query.Clauses)
            {
                if (Plan(searcher, clause.Query) is not { } node) return null;
                clauses.Add((node, clause.Occur));
            }
            var maxOverlap = clauses.Count(c => c.Item2 != Occur.MUST_NOT);
            var required = clauses.Count(c => c.Item2 == Occur.MUST);
            if (maxOverlap > byte.MaxValue) return null;
            // As BooleanWeight.Coord: never for one clause, so that coord(1, 1) cannot change a score.
            var coord = Enumerable.Range(0, maxOverlap + 1)
                .Select(overlap => query.CoordDisabled || maxOverlap == 1 ? 1f : searcher.Similarity.Coord(overlap, maxOverlap))
                .Select(c => query is KeywordQuery ? KeywordQuery.Coordination(c) : c).ToArray();
            return new BooleanNode(clauses, query.Boost, coord, required);
        }

        public override float Value => clauses.Where(c => c.Item2 != Occur.MUST_NOT).Sum(c => c.Item1.Value) * boost * boost;

        public override void Normalize(float norm, float topBoost)
        {
            foreach (var (node, _) in clauses)
                node.Normalize(norm, topBoost * boost);
        }

        /// <summary>
        /// A word's group of (field, form) terms: optional clauses only, without coordination. Its score is the sum of
        /// what matched, so no counts per item are kept and no second pass is made.
        /// </summary>
        private Matches? Sum(Segment segment)
        {
            var result = new Matches(segment.MaxDoc);
            foreach (var (node, _) in clauses)
                node.ForEach(segment, ref result, static (ref Matches m, int doc, float score) =>
                {
                    m.Scores[doc] += score;
                    m.Bits[doc >> 6] |= 1UL << doc;
                });
            return result.OrNone();
        }

        public override Matches? Excluding(Segment segment, Matches matches)
        {
            Matches? result = matches;
            foreach (var (node, occur) in clauses)
            {
                if (result is null) return null;
                if (occur == Occur.MUST)
                    result = node.Excluding(segment, result);
                else if (occur == Occur.MUST_NOT)
                {
                    var kept = result;
                    node.ForEach(segment, ref kept, static (ref Matches m, int doc, float score) => m.Unset(doc));
                    result = kept.OrNone();
                }
            }
            return result;
        }

        private struct Sums
        {
            public Matches Result;
            public byte[] Overlap;
            public byte[] Required;
            public float[] Coord;
            public int RequiredCount;
        }

        public override Matches? Evaluate(Segment segment)
        {
            if (plain)
                return Sum(segment);
            var maxDoc = segment.MaxDoc;
            var sums = new Sums
            {
                Result = new Matches(maxDoc),
                Overlap = ArrayPool<byte>.Shared.Rent(Math.Max(1, maxDoc)),
                Required = ArrayPool<byte>.Shared.Rent(Math.Max(1, maxDoc)),
                Coord = coord,
                RequiredCount = required,
            };
            Array.Clear(sums.Overlap, 0, maxDoc);
            Array.Clear(sums.Required, 0, maxDoc);
            try
            {
                foreach (var (node, occur) in clauses)
                {
                    if (occur == Occur.MUST)
                        node.ForEach(segment, ref sums, static (ref Sums s, int doc, float score) =>
                        {
                            s.Result.Scores[doc] += score;
                            s.Overlap[doc]++;
                            s.Required[doc]++;
                            s.Result.Set(doc);
                        });
                    else if (occur == Occur.SHOULD)
                        node.ForEach(segment, ref sums, static (ref Sums s, int doc, float score) =>
                        {
                            s.Result.Scores[doc] += score;
                            s.Overlap[doc]++;
                            s.Result.Set(doc);
                        });
                }
                foreach (var (node, occur) in clauses)
                    if (occur == Occur.MUST_NOT)
                        node.ForEach(segment, ref sums, static (ref Sums s, int doc, float score) => s.Overlap[doc] = 0);

                return sums.Result.Retain(ref sums, static (ref Sums s, int doc, ref float score) =>
                {
                    if (s.Overlap[doc] == 0 || s.Required[doc] < s.RequiredCount) return false;
                    score *= s.Coord[s.Overlap[doc]];
                    return true;
                });
            }
            catch
            {
                sums.Result.Dispose();
                throw;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(sums.Overlap);
                ArrayPool<byte>.Shared.Return(sums.Required);
            }
        }
    }

    private sealed class DisMaxNode : Node
    {
        private readonly List<Node> disjuncts;
        private readonly float tieBreaker;
        private readonly float boost;

        private DisMaxNode(List<Node> disjuncts, float tieBreaker, float boost)
        {
            this.disjuncts = disjuncts;
            this.tieBreaker = tieBreaker;
            this.boost = boost;
        }

        public static DisMaxNode? Of(IndexSearcher searcher, DisjunctionMaxQuery query)
        {
            var nodes = new List<Node>();
            foreach (var disjunct in query.Disjuncts)
            {
                if (Plan(searcher, disjunct) is not { } node) return null;
                nodes.Add(node);
            }
            return new DisMaxNode(nodes, query.TieBreakerMultiplier, query.Boost);
        }

        public override float Value
        {
            get
            {
                float max = 0, sum = 0;
                foreach (var node in disjuncts)
                {
                    sum += node.Value;
                    max = Math.Max(max, node.Value);
                }
                return ((sum - max) * tieBreaker * tieBreaker + max) * boost * boost;
            }
        }

        public override void Normalize(float norm, float topBoost)
        {
            foreach (var node in disjuncts)
                node.Normalize(norm, topBoost * boost);
        }

        private struct Best
        {
            public Matches Result;
            public float[] Max;
        }

        public override Matches? Evaluate(Segment segment)
        {
            var maxDoc = segment.MaxDoc;
            var best = new Best { Result = new Matches(maxDoc), Max = ArrayPool<float>.Shared.Rent(Math.Max(1, maxDoc)) };
            Array.Clear(best.Max, 0, maxDoc);
            try
            {
                foreach (var node in disjuncts)
                    node.ForEach(segment, ref best, static (ref Best b, int doc, float score) =>
                    {
                        b.Result.Scores[doc] += score;
                        if (score > b.Max[doc]) b.Max[doc] = score;
                        b.Result.Set(doc);
                    });
                var state = (best.Max, TieBreaker: tieBreaker);
                return best.Result.Retain(ref state, static (ref (float[] Max, float TieBreaker) s, int doc, ref float score) =>
                {
                    var max = s.Max[doc];
                    score = max + (score - max) * s.TieBreaker;
                    return true;
                });
            }
            catch
            {
                best.Result.Dispose();
                throw;
            }
            finally
            {
                ArrayPool<float>.Shared.Return(best.Max);
            }
        }
    }

    /// <summary>As <see cref="BoostingQuery"/>: the match's score, multiplied by the factor where the context matches too.</summary>
    private sealed class FavourNode(Node match, Node context, float factor) : Node
    {
        // The context carries boost 0: it adds nothing to the norm, as in BoostingQuery.
        public override float Value => match.Value + context.Value;

        public override void Normalize(float norm, float boost)
        {
            match.Normalize(norm, boost);
            context.Normalize(norm, boost);
        }

        public override Matches? Evaluate(Segment segment) => match.Evaluate(segment) is { } result ? Favour(segment, result) : null;

        public override Matches? Wrap(Segment segment, Matches added) => match.Wrap(segment, added) is { } result ? Favour(segment, result) : null;

        private Matches Favour(Segment segment, Matches result) => Multiply(context, segment, result, factor);

        /// <summary>Multiplies the scores of the <paramref name="result"/> that <paramref name="context"/> matches by <paramref name="factor"/>, once each.</summary>
        public static Matches Multiply(Node context, Segment segment, Matches result, float factor)
        {
            var state = (Result: result, Factor: factor);
            context.ForEach(segment, ref state, static (ref (Matches Result, float Factor) s, int doc, float score) =>
            {
                if (s.Result.Has(doc)) s.Result.Scores[doc] *= s.Factor;
            });
            return result;
        }
    }

    /// <summary>As <see cref="FilteredQuery"/>: the inner query's matches that the filter lets through.</summary>
    private sealed class FilterNode(Node inner, Filter filter, float boost) : Node
    {
        public override float Value => inner.Value * boost * boost;

        public override void Normalize(float norm, float topBoost) => inner.Normalize(norm, topBoost * boost);

        public override Matches? Evaluate(Segment segment) => inner.Evaluate(segment) is { } result ? Allowed(segment, result) : null;

        public override Matches? Wrap(Segment segment, Matches added) => inner.Wrap(segment, added) is { } result ? Allowed(segment, result) : null;

        private Matches? Allowed(Segment segment, Matches result)
        {
            var allowed = new FixedBitSet(segment.MaxDoc);
            if (filter.GetDocIdSet(segment.Context, segment.LiveDocs)?.GetIterator() is { } iterator)
                allowed.Or(iterator);
            var bits = allowed.GetBits();
            for (var w = 0; w < result.Words; w++)
                result.Bits[w] &= (ulong)bits[w];
            return result.OrNone();
        }
    }

    /// <summary>Hands the collector the score of the document being collected.</summary>
    private sealed class CollectedScorer() : Scorer(null)
    {
        public int Doc { get; set; } = -1;
        public float Score { get; set; }
        public override float GetScore() => Score;
        public override int Freq => 1;
        public override int DocID => Doc;
        public override int NextDoc() => throw new NotSupportedException();
        public override int Advance(int target) => throw new NotSupportedException();
        public override long GetCost() => 1;
    }
}

/// <summary>
/// A <see cref="BoostingQuery"/> that remembers its parts, so that <see cref="TermAtATime"/> can score it: the match's
/// score, multiplied by <see cref="Factor"/> for items that the context also matches.
/// </summary>
internal sealed class Favouring(Query match, Query context, float factor) : BoostingQuery(match, context, factor)
{
    public Query Match { get; } = match;
    public Query Context { get; } = ContextWithoutScore(context);
    public float Factor { get; } = factor;

    private static Query ContextWithoutScore(Query context)
    {
        var clone = (Query)context.Clone();
        clone.Boost = 0f;
        return clone;
    }
}
