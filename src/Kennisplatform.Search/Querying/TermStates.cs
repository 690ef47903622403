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
/// so scores and results do not change. Nothing is kept between requests.
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
            replace(new TermQuery(termQuery.Term, contexts[termQuery.Term]) { Boost = termQuery.Boost });
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

    /// <summary>Per segment and field, one enumerator seeks the field's terms in order and registers those it finds.</summary>
    private static void Fill(IndexReaderContext top, Dictionary<Term, TermContext> contexts)
    {
        var byField = contexts.Keys.GroupBy(t => t.Field).Select(g => g.Order().ToList()).ToList();
        foreach (var leaf in top.Leaves)
        {
            var fields = leaf.AtomicReader.Fields;
            if (fields is null)
                continue;
            foreach (var terms in byField)
            {
                var indexed = fields.GetTerms(terms[0].Field);
                if (indexed is null)
                    continue;
                var enumerator = indexed.GetEnumerator();
                foreach (var term in terms)
                    if (enumerator.SeekExact(term.Bytes))
                        contexts[term].Register(enumerator.GetTermState(), leaf.Ord, enumerator.DocFreq, enumerator.TotalTermFreq);
            }
        }
    }
}
