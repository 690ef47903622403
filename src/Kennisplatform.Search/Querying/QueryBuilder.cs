using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// Turns parsed user input into a Lucene query. Each word becomes a group of alternatives (the word and its
/// synonyms, analysed like the index) searched in every field with its weight; words are combined with OR, and
/// Lucene's coordination factor ranks items that match more words higher. A compound the index does not hold
/// whole is also sought through its parts.
/// </summary>
internal sealed class QueryBuilder(SearchIndex index)
{
    public (Query? Query, IReadOnlySet<string> Terms) Build(IReadOnlyList<QueryPart> parts, IndexReader reader)
    {
        var query = new BooleanQuery(disableCoord: false);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var positive = 0;
        foreach (var part in parts)
        {
            Query? clause = part.IsPhrase ? Phrase(part.Text, terms) : Word(part.Text, terms, collect: !part.IsExcluded, reader);
            if (clause is null)
                continue;
            if (part.IsExcluded)
                query.Add(clause, Occur.MUST_NOT);
            else
            {
                query.Add(clause, Occur.SHOULD);
                positive++;
            }
        }
        if (positive == 0)
        {
            // Only exclusions (or nothing searchable): everything except what is excluded.
            if (query.Clauses.Count == 0)
                return (null, terms);
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return (query, terms);
    }

    /// <summary>A synonym counts, but less than the word itself: "buurtkamer" first, then "huiskamer".</summary>
    private const float SynonymWeight = 0.6f;
    /// <summary>The exact form typed ("centra", not only "centrum") earns a little extra.</summary>
    private const float ExactFormWeight = 0.8f;

    private Query? Word(string word, HashSet<string> terms, bool collect, IndexReader reader)
    {
        var alternatives = Positions(index.QueryAnalyzer, word).SelectMany(p => p).Distinct().ToList();
        if (alternatives.Count == 0)
            return null; // a stop word or punctuation alone
        if (collect)
            terms.UnionWith(alternatives);
        // The word's own forms are what it gives without synonyms; the synonym filter marks even those as synonyms.
        var synonyms = alternatives.Except(Positions(index.PhraseAnalyzer, word).SelectMany(p => p)).ToHashSet();

        // One flat list of (field, form) clauses, summed: all optional clauses let Lucene score in bulk, which
        // matters for words that most items contain.
        var fields = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in SearchFields.Searched)
            foreach (var term in alternatives)
                fields.Add(new TermQuery(new Term(field, term)) { Boost = boost * (synonyms.Contains(term) ? SynonymWeight : 1f) }, Occur.SHOULD);
        var exact = FoldingAnalyzer.Fold(word);
        // Only where the typed form differs from what it is stemmed to ("centra" → "centrum") does it add anything.
        if (exact.Length > 0 && !exact.Contains(' ') && !alternatives.Contains(exact))
            fields.Add(new TermQuery(new Term(SearchFields.Vocabulary, exact)) { Boost = ExactFormWeight }, Occur.SHOULD);
        return WithCompoundParts(word, fields, terms, collect, alternatives, reader);
    }

    /// <summary>
    /// Only when no item holds the compound in any form the query has ("bewonersinitiatief" where the index has only
    /// "bewonersinitiatieven") are its parts sought: otherwise "buurtkamer" would also find "buurtcafé als huiskamer".
    /// </summary>
    private Query WithCompoundParts(string word, Query fields, HashSet<string> terms, bool collect, List<string> forms, IndexReader reader)
    {
        if (forms.Any(form => SearchFields.Searched.Any(f => reader.DocFreq(new Term(f.Field, form)) > 0)))
            return fields;
        var compoundParts = CompoundParts(word);
        if (compoundParts.Count < 2)
            return fields;
        if (collect)
            terms.UnionWith(compoundParts);
        // "bewonersinitiatief" also finds "bewonersinitiatieven" through "bewoner" and "initiatief", a little lower.
        var allParts = new BooleanQuery(disableCoord: true) { Boost = 0.5f };
        foreach (var part in compoundParts)
        {
            var anyField = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in SearchFields.Searched)
                anyField.Add(new TermQuery(new Term(field, part)) { Boost = boost });
            allParts.Add(anyField, Occur.MUST);
        }
        var either = new BooleanQuery(disableCoord: true);
        either.Add(fields, Occur.SHOULD);
        either.Add(allParts, Occur.SHOULD);
        return either;
    }

    private Query? Phrase(string text, HashSet<string> terms)
    {
        var positions = Positions(index.PhraseAnalyzer, text);
        if (positions.Count == 0)
            return null;
        terms.UnionWith(positions.SelectMany(p => p));
        var fields = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in SearchFields.Searched)
        {
            var phrase = new MultiPhraseQuery { Boost = boost };
            var position = -1;
            foreach (var group in positions)
            {
                position++;
                phrase.Add(group.Select(t => new Term(field, t)).ToArray(), position);
            }
            fields.Add(phrase);
        }
        return fields;
    }

    /// <summary>The parts the index splits a compound into, without the whole word itself.</summary>
    private List<string> CompoundParts(string word)
    {
        var groups = Positions(index.IndexAnalyzer, word);
        if (groups.Count != 1)
            return [];
        var whole = groups[0][0];
        return groups[0].Skip(1).Where(t => t != whole).Distinct().ToList();
    }

    /// <summary>Analysed terms grouped by position: terms at one position are alternatives (synonyms, compound parts).</summary>
    internal static List<List<string>> Positions(Analyzer analyzer, string text)
    {
        var groups = new List<List<string>>();
        using var stream = analyzer.GetTokenStream(SearchFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement > 0 || groups.Count == 0)
                groups.Add([]);
            groups[^1].Add(term.ToString());
        }
        stream.End();
        return groups;
    }
}
