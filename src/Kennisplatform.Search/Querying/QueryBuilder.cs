using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// Turns an understood query into a Lucene query. Each word becomes a group of alternatives (the word, its
/// synonyms, and the word inside compounds) searched in every field with its weight; words are combined with OR,
/// and Lucene's coordination factor ranks items that match more words higher, a proximity clause those that have
/// them close together. What the query asks beyond its words (failures, a type, a place) multiplies the score of
/// the items that fit, and never adds items that merely contain those words.
/// </summary>
internal sealed class QueryBuilder(SearchIndex index)
{
    /// <summary>A synonym counts, but less than the word itself: "buurtkamer" first, then "huiskamer".</summary>
    private const float SynonymWeight = 0.6f;
    /// <summary>A synonym of several words may have a stop word or two between its words in the text.</summary>
    private const int SynonymPhraseSlop = 2;
    /// <summary>The exact form typed ("centra", not only "centrum") earns a little extra.</summary>
    private const float ExactFormWeight = 0.8f;
    /// <summary>
    /// A person noun typed ("opbouwwerker") is searched as its activity ("opbouwwerk"), which every title about the work
    /// holds too; a title that names the person ("Mehmet, opbouwwerker in Transvaal") counts once more, as a title
    /// match of the word does: a person is not the work, as a plural is still the word.
    /// </summary>
    private static readonly float PersonNounInTitleWeight = SearchFields.Searched.Single(f => f.Field == SearchFields.Title).Boost;
    /// <summary>The word found inside a compound ("preventie" in "buurtpreventie") ranks below the word itself.</summary>
    private const float PartWeight = 0.75f;
    /// <summary>A compound typed as one word, found written as two ("bewonersinitiatief" in "bewoners initiatief").</summary>
    private const float SplitFormWeight = 0.7f;
    /// <summary>A compound held in fewer fields than a page has hits is rare: its parts are sought too, at this weight.</summary>
    private const int RareCompound = 10;
    private const float RarePartWeight = 0.1f;
    private const int TellingPart = 5;
    /// <summary>A short head inside another compound ("bank" in "kledingbank", for "voedselbank") says less: it stays below the word itself, even in a body.</summary>
    private const float ShortHeadWeight = 0.03f;
    /// <summary>A rare compound's short modifier, in its other words ("vallen", "valrisico" for "valpreventie"), is sought at this weight.</summary>
    private const float ModifierWordWeight = 0.2f;
    /// <summary>A short modifier whose words more items hold than this (by the sum of each word's items) is too common to say what a compound is about.</summary>
    private const int RareModifier = 10;
    /// <summary>Words that begin with a modifier's letters read at most; more, and it is too common anyway.</summary>
    private const int MaxStartingWords = 500;
    private const float ProximityWeight = 0.5f;
    private const int ProximitySlop = 12;
    /// <summary>How much more an item that fits what the query asks for (failures, a type, a place) weighs.</summary>
    private const float FailureFactor = 3f;
    private const float FailedOverPartlyFactor = 1.25f;
    private const float TypeFactor = 3f;
    private const float PlaceFactor = 2f;
    /// <summary>
    /// A query that asks for no type and no failures weighs what the platform is for, what was done somewhere and what
    /// works (<see cref="QueryIntent.KnowledgeTypes"/>), this much above events, profiles, instruments, principles,
    /// themes and pages that say the same words: a little, so a better match of another type still ranks first.
    /// </summary>
    private const float KnowledgeFactor = 1.2f;
    /// <summary>When failures are asked for, the lessons of a case ("wat werkte niet", "anders doen") count this much more.</summary>
    private const float LessonsWeightForFailures = 3f;
    /// <summary>
    /// The tags hold an item's themes, chosen by its editor: a theme that names the word typed ("schulden" in "armoede en
    /// schulden") counts a little more than a mention in the body.
    /// </summary>
    private const float TagsWeight = 2f;
    /// <summary>
    /// When failures are asked for, the tags (an item's themes, such as "participatie") count this much more, close to
    /// the title: a case tells what went wrong in its own words, and its theme says what it is about.
    /// </summary>
    private const float TagsWeightForFailures = 6f;
    /// <summary>The weight of fitting an intent when the query has no other words.</summary>
    private const float IntentOnlyFactor = 3f;
    /// <summary>Words that texts about failing use, sought besides the words typed when a query asks only for failures.</summary>
    private static readonly string[] FailureVocabulary = ["mislukt", "mislukking", "falen", "lessen", "gestopt", "valkuil"];
    private const float FittingWeight = 1f;
    /// <summary>The words the best hits share count a tenth of a word typed: enough to rank a match above another, and to add items below.</summary>
    private const float FeedbackWeight = 0.1f;
    /// <summary>A title or summary that says what happened ("ging dicht"), for a query with a topic that asks it ("buurthuis gesloten").</summary>
    private const float HappenedWeight = 0.5f;

    /// <param name="Topical">The query has words to match (not intent alone): only such a query's best hits say what it is about.</param>
    public sealed record Built(Query? Query, IReadOnlySet<string> Terms, bool HasWords, bool Topical = false);

    public Built Build(Understanding understanding, IndexReader reader)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var text = WithWhatHappened(Text(understanding.Words, terms, reader, understanding.Failures, keywords: understanding.Keywords), understanding.Happened, terms);
        var favoured = new List<(Query Items, float Factor)>();
        if (understanding.Failures)
        {
            var titled = TitleSaysIt(understanding.Typed);
            var failed = AnyOf(SearchFields.Outcome, QueryIntent.FailedOutcomes);
            failed.Add(new TermQuery(new Term(SearchFields.Type, QueryIntent.FailurePatternType)), Occur.SHOULD);
            // An item whose title says what was typed ("Leren van mislukkingen") fits, whatever its outcome.
            if (titled is not null) failed.Add(titled, Occur.SHOULD);
            favoured.Add((failed, FailureFactor));
            favoured.Add((new TermQuery(new Term(SearchFields.Outcome, QueryIntent.FailedOutcomes[0])), FailedOverPartlyFactor));
        }
        if (understanding.Types.Count > 0)
            favoured.Add((AnyOf(SearchFields.Type, understanding.Types), TypeFactor));
        else if (!understanding.Failures && text is not null)
            favoured.Add((AnyOf(SearchFields.Type, QueryIntent.KnowledgeTypes), KnowledgeFactor));
        if (understanding.Places.Count > 0)
        {
            var places = new BooleanQuery();
            foreach (var (field, value) in understanding.Places)
                places.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
            favoured.Add((places, PlaceFactor));
        }

        var query = text;
        if (query is null)
        {
            if (favoured.Count == 0)
                return new Built(null, terms, false);
            // Only intent ("wat werkte niet"): every item that fits it, those that also say the words first, then
            // other items that say them.
            var fitting = new BooleanQuery();
            foreach (var (items, _) in favoured.Take(understanding.Failures ? 1 : favoured.Count))
                fitting.Add(new ConstantScoreQuery(items), Occur.MUST);
            var either = new BooleanQuery(disableCoord: true) { { fitting.WithBoost(FittingWeight), Occur.SHOULD } };
            // A text about failing says more than one of its words: "werkte niet" alone is also in a help page.
            var intentWords = understanding.Failures
                ? understanding.IntentWords.Concat(FailureVocabulary.Select(w => new QueryPart(w, false, false))).ToList()
                : understanding.IntentWords;
            if (Text(intentWords, terms, reader, understanding.Failures, topic: false) is { } words)
                either.Add(words, Occur.SHOULD);
            query = either;
            // With no topic to rank by, fitting the intent weighs all the more.
            favoured = favoured.Select(f => (f.Items, f.Factor * IntentOnlyFactor)).ToList();
        }
        foreach (var (items, factor) in favoured)
            query = new Favouring(query, items, factor);
        return new Built(query, terms, true, Topical: text is not null);
    }

    /// <summary>
    /// Items that hold words the best hits of the query share (<see cref="Feedback"/>; not marked in snippets: they were
    /// not typed), each such word weighed as a word typed would be in every field, times <see cref="FeedbackWeight"/>.
    /// Its score is added to the topic's (<see cref="TermAtATime"/>), under what the query favours and filters.
    /// </summary>
    public static Query FeedbackQuery(IndexReader reader, IReadOnlyList<string> words)
    {
        var shared = new BooleanQuery(disableCoord: true) { Boost = FeedbackWeight };
        var top = reader.Context;
        foreach (var (field, boost) in SearchFields.Searched)
            foreach (var form in words)
            {
                // Looked up here, from the segments' kept lookups; a field that lacks the form adds nothing to the score.
                var term = new Term(field, form);
                var states = TermStates.Context(top, term);
                if (states.DocFreq > 0)
                    shared.Add(new ResolvedTermQuery(term, states) { Boost = boost }, Occur.SHOULD);
            }
        return shared;
    }

    /// <summary>
    /// The topic's matches, those whose title or summary also says what happened ("ging dicht", "gesloten") higher: only
    /// among items that match the topic, so "dicht" never pulls in a text about something else.
    /// </summary>
    private Query? WithWhatHappened(Query? topic, IReadOnlyList<string> happened, HashSet<string> terms)
    {
        if (topic is null || happened.Count == 0)
            return topic;
        var forms = happened.SelectMany(w => Positions(index.PhraseAnalyzer, w).SelectMany(p => p)).Distinct().ToList();
        terms.UnionWith(forms);
        var said = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in SearchFields.Searched.Where(f => f.Field is SearchFields.Title or SearchFields.Summary))
            foreach (var form in forms)
                said.Add(new TermQuery(new Term(field, form)) { Boost = boost * HappenedWeight }, Occur.SHOULD);
        return new BooleanQuery(disableCoord: true) { { topic, Occur.MUST }, { new DisjunctionMaxQuery(0.1f) { said }, Occur.SHOULD } };
    }

    /// <summary>Items whose title says what was typed, all its words in that order ("Leren van mislukkingen").</summary>
    private Query? TitleSaysIt(IReadOnlyList<QueryPart> typed)
    {
        var text = string.Join(' ', typed.Where(p => !p.IsExcluded).Select(p => p.Text));
        var positions = Positions(index.PhraseAnalyzer, text);
        if (positions.Count < 2)
            return null;
        var phrase = new MultiPhraseQuery { Slop = 1 };
        foreach (var group in positions)
            phrase.Add(group.Select(t => new Term(SearchFields.Title, t)).ToArray());
        return phrase;
    }

    private static BooleanQuery AnyOf(string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery();
        foreach (var value in values)
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        return any;
    }

    private Query? Text(IReadOnlyList<QueryPart> parts, HashSet<string> terms, IndexReader reader, bool failures, bool topic = true, bool keywords = false)
    {
        var words = keywords ? new KeywordQuery() : new BooleanQuery(disableCoord: false);
        var positive = 0;
        var near = new List<List<string>>();
        var synonymPhrases = SynonymPhrases(parts, terms);
        // Words that ask for failures only ("leren van mislukkingen") are no topic, and one word has no other to weigh against.
        var balance = topic && parts.Count(p => !p.IsExcluded && (p.IsPhrase || Forms(p.Text).Alternatives.Count > 0)) > 1;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            Query? clause = part.IsPhrase ? Phrase(part.Text, terms) : Word(part.Text, terms, collect: !part.IsExcluded, reader, failures, near, balance);
            if (synonymPhrases.TryGetValue(i, out var alternatives))
                clause = clause is null ? alternatives : new BooleanQuery(disableCoord: true) { { clause, Occur.SHOULD }, { alternatives, Occur.SHOULD } };
            if (clause is null)
                continue;
            if (part.IsExcluded)
                words.Add(clause, Occur.MUST_NOT);
            else
            {
                words.Add(clause, Occur.SHOULD);
                positive++;
            }
        }
        if (positive == 0)
        {
            // Only exclusions (or nothing searchable): everything except what is excluded.
            if (words.Clauses.Count == 0)
                return null;
            words.Add(new MatchAllDocsQuery(), Occur.MUST);
            return words;
        }
        if (near.Count < 2)
            return words;
        var withProximity = new BooleanQuery(disableCoord: true) { { words, Occur.MUST } };
        withProximity.Add(Proximity(near), Occur.SHOULD);
        return withProximity;
    }

    /// <summary>
    /// Synonyms of several words, by the index of the query part where they start: "huiselijk geweld" typed finds
    /// "partnergeweld", and "partnergeweld" typed finds "huiselijk geweld" as a phrase, at a synonym's weight. They join
    /// the clause of that part, so an item that has only the synonym counts as matching one word of the query.
    /// </summary>
    private Dictionary<int, Query> SynonymPhrases(IReadOnlyList<QueryPart> parts, HashSet<string> terms)
    {
        var found = new Dictionary<int, Query>();
        var phrases = index.Lexicon.SynonymPhrases;
        // The words typed, folded, each with the part it comes from; quoted and excluded parts take no synonyms.
        var words = new List<(string Word, int Part)>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].IsPhrase || parts[i].IsExcluded)
            {
                words.Add(("", i)); // members never span a quoted or excluded part
                continue;
            }
            words.AddRange(FoldingAnalyzer.Tokens(FoldingAnalyzer.Instance, parts[i].Text).Select(w => (w, i)));
        }
        foreach (var (start, _, others) in phrases.Find(words.Select(w => w.Word).ToList()))
        {
            var alternatives = new BooleanQuery(disableCoord: true);
            foreach (var member in others)
            {
                var positions = SynonymPositions(string.Join(' ', member));
                if (positions.Count == 0)
                    continue;
                terms.UnionWith(positions.SelectMany(p => p));
                foreach (var (field, boost) in SearchFields.Searched)
                {
                    if (positions.Count == 1)
                    {
                        foreach (var term in positions[0])
                            AddForm(alternatives, field, term, boost * SynonymWeight);
                        continue;
                    }
                    // Stop words ("geweld achter de voordeur") leave gaps in the index: a little slop bridges them.
                    var phrase = new MultiPhraseQuery { Slop = SynonymPhraseSlop, Boost = boost * SynonymWeight };
                    foreach (var group in positions)
                        phrase.Add(group.Select(t => new Term(field, t)).ToArray());
                    alternatives.Add(phrase, Occur.SHOULD);
                }
            }
            if (alternatives.Clauses.Count > 0)
                found[words[start].Part] = alternatives;
        }
        return found;
    }

    /// <summary>
    /// BM25's rarity (inverse document frequency) of a form in a field, as <see cref="Ranking"/> scores it.
    /// </summary>
    private static float Rarity(IndexReader reader, string field, string form)
    {
        var docFreq = TermStates.DocFreq(reader, field, form);
        return (float)Math.Log(1 + (reader.MaxDoc - docFreq + 0.5D) / (docFreq + 0.5D));
    }

    /// <summary>A form sought in a field, as a word of its own and (lower) inside compounds.</summary>
    private static void AddForm(BooleanQuery query, string field, string form, float weight)
    {
        query.Add(new TermQuery(new Term(field, form)) { Boost = weight }, Occur.SHOULD);
        query.Add(new TermQuery(new Term(field, PartMarkerFilter.Marker + form)) { Boost = weight * PartWeight }, Occur.SHOULD);
    }

    /// <summary>The words close together, in any order, in the title or the summary: ranks "eenzame ouderen" above a text that has both far apart.</summary>
    private static Query Proximity(List<List<string>> words)
    {
        var fields = new DisjunctionMaxQuery(0.1f) { Boost = ProximityWeight };
        // Title and summary only: positions of long texts would be read for every item that has all the words,
        // which at 100,000 items costs more than the whole rest of a results page.
        foreach (var (field, boost) in SearchFields.Searched)
        {
            if (field is not (SearchFields.Title or SearchFields.Summary)) continue;
            var phrase = new MultiPhraseQuery { Slop = ProximitySlop, Boost = boost };
            foreach (var group in words)
                phrase.Add(group.Select(t => new Term(field, t)).ToArray());
            fields.Add(phrase);
        }
        return fields;
    }

    /// <param name="balance">
    /// The query has other words: a synonym is scored as rare as the word typed, never as common as itself. Otherwise a
    /// word typed in a form the texts seldom use ("senioren") counts for little beside the other words ("eenzaamheid")
    /// in the items that use its common synonym ("ouderen"), and those items fall below items about the other word alone.
    /// </param>
    private Query? Word(string word, HashSet<string> terms, bool collect, IndexReader reader, bool failures, List<List<string>> near, bool balance)
    {
        var forms = Forms(word);
        var alternatives = forms.Alternatives;
        if (alternatives.Count == 0)
            return null; // a stop word or punctuation alone
        if (collect)
        {
            terms.UnionWith(alternatives);
            terms.UnionWith(alternatives.Select(a => PartMarkerFilter.Marker + a));
            near.Add(alternatives);
        }

        // One flat list of (field, form) clauses, summed: all optional clauses let Lucene score in bulk, which
        // matters for words that most items contain.
        var fields = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in SearchFields.Searched)
        {
            var fieldBoost = field == SearchFields.Lessons && failures ? boost * LessonsWeightForFailures
                : field == SearchFields.Tags ? boost * (failures ? TagsWeightForFailures : TagsWeight)
                : boost;
            float? typedRarity = null; // worked out for the first synonym only: most words have none
            foreach (var term in alternatives)
            {
                var own = forms.Own.Contains(term);
                // BM25 multiplies by rarity, so this boost scores the synonym with the rarity of the word typed.
                var lift = 1f;
                if (!own && balance)
                {
                    typedRarity ??= forms.Own.Count > 0 ? forms.Own.Max(f => Rarity(reader, field, f)) : 0f;
                    lift = Math.Max(1f, typedRarity.Value / Rarity(reader, field, term));
                }
                AddForm(fields, field, term, fieldBoost * (own ? 1f : SynonymWeight * lift));
            }
        }
        // Only where the typed form differs from what it is stemmed to ("centra" → "centrum") does it add anything.
        if (forms.Exact.Length > 0 && !forms.Exact.Contains(' ') && !alternatives.Contains(forms.Exact))
            fields.Add(new TermQuery(new Term(SearchFields.Vocabulary, forms.Exact)) { Boost = ExactFormWeight }, Occur.SHOULD);
        if (forms.PersonNoun is { } person)
            fields.Add(new TermQuery(new Term(SearchFields.TitleWords, person)) { Boost = PersonNounInTitleWeight }, Occur.SHOULD);
        if (collect)
            Broaden(forms, fields, terms, reader);
        return WithCompoundParts(forms, fields, terms, collect, reader);
    }

    /// <summary>
    /// A compound that few items hold, opened by a short modifier that few items use ("val" in "valpreventie", "hang" in
    /// "hangjongeren"), is also sought by the modifier's other words ("vallen", "valrisico", "hangplekken"), below the
    /// word typed: such a modifier says what the compound is about, and texts say it in other words. A common modifier
    /// ("wijk" in "wijkschakelaars") says little, and its words would fill the page with anything about a neighbourhood.
    /// </summary>
    private void Broaden(WordForms forms, BooleanQuery fields, HashSet<string> terms, IndexReader reader)
    {
        // The modifier as a word of its own ("wijk") is the usual common case: one kept lookup rules it out first.
        if (forms.ShortModifier is not { } modifier || TermStates.DocFreq(reader, SearchFields.Vocabulary, modifier) > RareModifier)
            return;
        var held = forms.Alternatives.Sum(form => SearchFields.Searched.Sum(f =>
            TermStates.DocFreq(reader, f.Field, form) + TermStates.DocFreq(reader, f.Field, PartMarkerFilter.Marker + form)));
        if (held is 0 or >= RareCompound || ModifierWords(reader, modifier) is not { } words)
            return;
        var stems = words.Select(w => Positions(index.PhraseAnalyzer, w).SelectMany(p => p).FirstOrDefault()).OfType<string>()
            .Where(s => !forms.Alternatives.Contains(s)).Distinct().ToList();
        terms.UnionWith(stems);
        foreach (var (field, boost) in SearchFields.Searched)
            foreach (var stem in stems)
                fields.Add(new TermQuery(new Term(field, stem)) { Boost = boost * ModifierWordWeight }, Occur.SHOULD);
    }

    /// <summary>Endings of an inflected word ("vallen", "valt", "hangende"), after a doubled last letter.</summary>
    private static readonly string[] Endings = ["", "e", "en", "t", "s", "er", "ers", "de", "te", "den", "ten", "end", "ende"];

    /// <summary>
    /// The words of the index that are <paramref name="modifier"/> inflected or a compound it opens ("valrisico"), not
    /// words that merely begin with its letters ("valentijn"); null when it opens too many to say much.
    /// </summary>
    private List<string>? ModifierWords(IndexReader reader, string modifier)
    {
        var decompounder = index.Lexicon.Decompounder;
        var found = new List<string>();
        var (items, read) = (0, 0);
        foreach (var (word, frequency) in Corrections.Starting(reader, SearchFields.Vocabulary, modifier, MaxStartingWords))
        {
            if (++read == MaxStartingWords)
                return null;
            var rest = word[modifier.Length..];
            var inflected = rest.Length > 1 && rest[0] == modifier[^1] ? rest[1..] : rest; // "val|len"
            if (!Endings.Contains(inflected) && !Endings.Contains(rest) && !(rest.Length >= 4 && decompounder.IsKnown(rest)))
                continue;
            found.Add(word);
            items += frequency;
            if (items > RareModifier)
                return null;
        }
        return found.Count > 0 ? found : null;
    }

    /// <summary>
    /// What a typed word gives before the index is asked: its forms with and without synonyms, its folded form, and
    /// when it is a compound its two parts and the compounds its parts' synonyms make.
    /// </summary>
    /// <param name="Alternatives">The word's forms and those of its synonyms, as searched.</param>
    /// <param name="Own">The forms the word gives without synonyms (the synonym filter marks even those as synonyms).</param>
    /// <param name="Words">The compound's parts as written ("bewoners", "initiatief"); fewer than two for a simple word.</param>
    /// <param name="Parts">The first two parts, analysed as searched; null unless both give a form.</param>
    /// <param name="PersonNoun">The word in the singular when it is a person noun that analysis takes to its activity, as a title names one person.</param>
    /// <param name="ShortModifier">A modifier shorter than <see cref="TellingPart"/> letters ("val", "hang"), for <see cref="Broaden"/>.</param>
    private sealed record WordForms(List<string> Alternatives, HashSet<string> Own, string Exact, string[] Words, List<string>? Parts, List<string> Variants, string? PersonNoun, string? ShortModifier = null);

    /// <summary>
    /// The forms of <paramref name="word"/>, worked out once per word and set of analysers (a new synonym list brings
    /// new analysers): analysis was the larger part of building a query, and searches repeat their words. At most
    /// <see cref="KeptWords"/> words are kept; beyond that a word is analysed every time, as before.
    /// </summary>
    private WordForms Forms(string word)
    {
        var kept = KeptNow();
        return kept.Forms.GetOrKeep(word, (Builder: this, kept.Analyser), static (w, s) => s.Builder.Analyse(s.Analyser, w));
    }

    /// <summary>A synonym's positions (<see cref="Positions"/> by the phrase analyser), kept as a word's forms are. Shared: read only.</summary>
    private List<List<string>> SynonymPositions(string member) =>
        KeptNow().Phrases.GetOrKeep(member, index.PhraseAnalyzer, static (m, analyser) => Positions(analyser, m));

    private KeptForms KeptNow()
    {
        var analyser = index.QueryAnalyzer;
        var kept = keptForms;
        if (!ReferenceEquals(kept?.Analyser, analyser))
            keptForms = kept = new KeptForms(analyser); // one reference: a search never pairs one analyser with another's forms
        return kept;
    }

    private const int KeptWords = 10_000;
    private volatile KeptForms? keptForms;

    private sealed class KeptForms(Analyzer analyser)
    {
        public Analyzer Analyser { get; } = analyser;
        public Kept<string, WordForms> Forms { get; } = new(KeptWords, StringComparer.Ordinal);
        public Kept<string, List<List<string>>> Phrases { get; } = new(KeptWords, StringComparer.Ordinal);
    }

    private WordForms Analyse(Analyzer queryAnalyser, string word)
    {
        var alternatives = Positions(queryAnalyser, word).SelectMany(p => p).Distinct().ToList();
        var own = Positions(index.PhraseAnalyzer, word).SelectMany(p => p).ToHashSet();
        var exact = FoldingAnalyzer.Fold(word);
        var person = alternatives.Count == 0 || exact.Contains(' ') || PersonNounFilter.Activity(exact, index.Lexicon.Decompounder) is null ? null
            : exact.EndsWith("ers", StringComparison.Ordinal) ? exact[..^1] : exact;
        var words = alternatives.Count == 0 ? [] : index.Lexicon.Decompounder.Parts(exact);
        if (words.Length < 2)
            return new WordForms(alternatives, own, exact, words, null, [], person, alternatives.Count == 0 ? null : index.Lexicon.Decompounder.ShortSplit(exact)?.Modifier);
        var shortModifier = words[0].Length < TellingPart ? words[0] : null;
        // The first split is modifier and head; further parts split the head again.
        var parts = words.Take(2).Select(p => Positions(index.PhraseAnalyzer, p).SelectMany(x => x).FirstOrDefault()).OfType<string>().ToList();
        return parts.Count < 2
            ? new WordForms(alternatives, own, exact, words, null, [], person, shortModifier)
            : new WordForms(alternatives, own, exact, words, parts, Variants(words[0], words[1]).ToList(), person, shortModifier);
    }

    /// <summary>
    /// A compound typed as one word also finds it written as two ("bewonersinitiatief" ~ "bewoners initiatief").
    /// Only when no item holds the compound in any form the query has are the parts also sought apart, anywhere in a
    /// compound or text: otherwise "buurtkamer" would also find "buurtcafé als huiskamer".
    /// </summary>
    private Query WithCompoundParts(WordForms forms, BooleanQuery fields, HashSet<string> terms, bool collect, IndexReader reader)
    {
        if (forms.Parts is not { } parts)
            return fields;
        var words = forms.Words;
        if (collect)
            terms.UnionWith(parts);
        // A part's synonym makes a compound that means the same: "buurtbudget" also finds "wijkbudget".
        foreach (var variant in forms.Variants)
        {
            if (collect) terms.Add(variant);
            foreach (var (field, boost) in SearchFields.Searched)
                fields.Add(new TermQuery(new Term(field, variant)) { Boost = boost * SynonymWeight }, Occur.SHOULD);
        }
        foreach (var (field, boost) in SearchFields.Searched)
            fields.Add(new PhraseQuery { { new Term(field, parts[0]) }, { new Term(field, parts[1]) }, }.WithBoost(boost * SplitFormWeight), Occur.SHOULD);

        // A compound that few items hold ("inspraakavond") leaves the page to items that hold its parts, alone or in
        // other compounds ("inspraak", "informatieavond"), far below the compound itself.
        var held = forms.Alternatives.Sum(form => SearchFields.Searched.Sum(f => TermStates.DocFreq(reader, f.Field, form)));
        if (held is > 0 and < RareCompound)
        {
            // Short parts ("moes", "tuin") say too little on their own.
            var telling = parts.Where((_, i) => words[i].Length >= TellingPart).ToList();
            // But a short head still names the kind of thing, inside another compound: "voedselbank" meets
            // "kledingbank", "respijtzorg" meets "mantelzorg", never "bank" or "zorg" alone.
            var shortHead = words[1].Length < TellingPart ? PartMarkerFilter.Marker + parts[1] : null;
            if (collect)
                terms.UnionWith(telling.Concat(telling.Select(p => PartMarkerFilter.Marker + p)).Concat(shortHead is null ? [] : [shortHead]));
            // Not in the body: a common part ("bewoner") would read a long list of postings for a tenth of a score.
            foreach (var (field, boost) in SearchFields.Searched.Where(f => f.Field != SearchFields.Body))
            {
                foreach (var part in telling)
                    AddForm(fields, field, part, boost * RarePartWeight);
                if (shortHead is not null)
                    fields.Add(new TermQuery(new Term(field, shortHead)) { Boost = boost * ShortHeadWeight }, Occur.SHOULD);
            }
        }
        if (held > 0)
            return fields;
        if (collect)
            terms.UnionWith(parts.Select(p => PartMarkerFilter.Marker + p));
        // "bewonersinitiatief" also finds "bewonersinitiatieven" through both parts, a little lower.
        var allParts = new BooleanQuery(disableCoord: true) { Boost = 0.5f };
        foreach (var part in parts)
        {
            var anyField = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in SearchFields.Searched)
            {
                anyField.Add(new TermQuery(new Term(field, part)) { Boost = boost });
                anyField.Add(new TermQuery(new Term(field, PartMarkerFilter.Marker + part)) { Boost = boost });
            }
            allParts.Add(anyField, Occur.MUST);
        }
        var either = new BooleanQuery(disableCoord: true);
        either.Add(fields, Occur.SHOULD);
        either.Add(allParts, Occur.SHOULD);
        return either;
    }

    private IEnumerable<string> Variants(string modifier, string head)
    {
        var variants = new HashSet<string>(StringComparer.Ordinal);
        foreach (var synonym in Synonyms(modifier))
            variants.UnionWith(Positions(index.PhraseAnalyzer, synonym + head).SelectMany(p => p));
        foreach (var synonym in Synonyms(head))
            variants.UnionWith(Positions(index.PhraseAnalyzer, modifier + synonym).SelectMany(p => p));
        return variants;
    }

    /// <summary>The synonyms of one word, as folded words (not stemmed), from the synonym list.</summary>
    private IEnumerable<string> Synonyms(string word) =>
        FoldingAnalyzer.Tokens(index.SynonymsOnlyAnalyzer, word).Where(s => s != word && !s.Contains(' ')).Distinct();

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

internal static class QueryExtensions
{
    public static T WithBoost<T>(this T query, float boost) where T : Query
    {
        query.Boost = boost;
        return query;
    }
}
