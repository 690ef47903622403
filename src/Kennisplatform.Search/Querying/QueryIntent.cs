using System.Runtime.CompilerServices;
using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// What a query asks beyond its topic: failures, a kind of item, a place. The words that say so are taken out of
/// the words to match (so "mislukt" does not pull in every text that happens to contain it) and become
/// preferences instead. Question words and filler are dropped too, unless nothing else is left.
/// </summary>
public sealed record Understanding
{
    public static readonly Understanding None = new();

    /// <summary>The words left to match, after intent words and filler are taken out.</summary>
    public IReadOnlyList<QueryPart> Words { get; init; } = [];
    /// <summary>The words that said what is wanted ("mislukt", "webinar"): matched only when no other words are left.</summary>
    public IReadOnlyList<QueryPart> IntentWords { get; init; } = [];
    /// <summary>The query asks for what failed or stopped: failed and partly successful cases come first.</summary>
    public bool Failures { get; init; }
    /// <summary>Content type codes asked for ("webinar" → bijeenkomst).</summary>
    public IReadOnlyList<string> Types { get; init; } = [];
    /// <summary>
    /// The ways of saying what happened that the query used ("gesloten" → gesloten, dicht, sluiting, ...): besides asking
    /// for failures, the title or summary of the item that tells it says so.
    /// </summary>
    public IReadOnlyList<string> Happened { get; init; } = [];
    /// <summary>Places named in the query that items are in: (facet field, value).</summary>
    public IReadOnlyList<(string Field, string Value)> Places { get; init; } = [];

    /// <summary>Everything typed, in order, filler and intent words included (the words to match when not set).</summary>
    public IReadOnlyList<QueryPart> Typed { get => typed ?? Words; init => typed = value; }
    private readonly IReadOnlyList<QueryPart>? typed;

    /// <summary>Typed as keywords, not as a sentence: no question word or filler among the words typed.</summary>
    public bool Keywords => !Typed.Any(p => !p.IsPhrase && QueryIntent.IsFiller(FoldingAnalyzer.Fold(p.Text)));

    public bool HasIntent => Failures || Types.Count > 0 || Places.Count > 0;
}

public static class QueryIntent
{
    /// <summary>Outcome codes of cases that failed or partly failed, best match for failure-seeking queries first.</summary>
    public static readonly IReadOnlyList<string> FailedOutcomes = ["mislukt", "deels"];
    /// <summary>The content type that describes a recurring mistake: always wanted by a query for failures.</summary>
    public const string FailurePatternType = "faalpatroon";
    /// <summary>The types that hold the platform's knowledge: cases (what was done, and how it went) and interventions (what works).</summary>
    public static readonly IReadOnlyList<string> KnowledgeTypes = ["praktijkvoorbeeld", "interventie"];

    private static readonly HashSet<string> FailureWords =
    [
        "mislukt", "mislukte", "mislukken", "mislukking", "mislukkingen", "gestopt", "gestopte", "stopgezet", "gestaakt",
        "gefaald", "gefaalde", "falen", "faalt", "faalde", "faalden", "fout", "fouten", "valkuil", "valkuilen", "lessen",
        "leerpunten", "misging", "misgingen", "misgegaan", "afgebroken", "tegenvaller", "tegenvallers", "struikelblok",
        "struikelblokken", "teleurstelling", "teleurstellingen", "flop", "geflopt", "gesloten", "dicht", "sluiting",
        "opgeheven", "stopte", "stopten", "beeindigd", "mislukt", "faalpatroon", "faalpatronen", "stoppen", "gestrand",
        // How professionals also say it: a project that ran aground, fell silent, bled to death or was called off.
        "vastgelopen", "stilgevallen", "stilviel", "stilgelegd", "doodgelopen", "doodgebloed", "gesneuveld", "afgeblazen",
        "afgelast", "opgedoekt", "fiasco", "misser", "missers", "faalfactoren", "faalverhalen", "averechts", "contraproductief",
    ];

    /// <summary>
    /// Failure words that also say what happened to a place or a project, with the other words for the same: a title
    /// "Het wijkcentrum ging dicht" tells what "buurthuis gesloten" asks for.
    /// </summary>
    private static readonly string[][] WhatHappened =
    [
        ["gesloten", "dicht", "sluiting", "sloot", "sluiten", "dichtgegaan", "dichtgedaan"],
        ["gestopt", "stopte", "stopten", "stoppen", "stopgezet", "gestaakt", "opgeheven", "opheffing", "beeindigd", "opgedoekt"],
    ];

    /// <summary>Phrases of two words that ask for failures: "werkte niet", "ging mis".</summary>
    private static readonly (string First, string Second)[] FailurePhrases =
    [
        ("werkte", "niet"), ("werkten", "niet"), ("werkt", "niet"), ("niet", "gewerkt"), ("niet", "werkte"), ("niet", "gelukt"),
        ("niet", "lukte"), ("lukte", "niet"), ("ging", "mis"), ("gingen", "mis"), ("gaat", "mis"), ("liep", "mis"),
        ("liepen", "mis"), ("anders", "doen"), ("anders", "gedaan"), ("ging", "fout"), ("gingen", "fout"), ("niet", "goed"),
        ("liep", "vast"), ("liepen", "vast"), ("loopt", "vast"), ("viel", "stil"), ("vielen", "stil"),
        ("hield", "op"), ("hielden", "op"), ("geen", "effect"), ("zonder", "effect"), ("geen", "resultaat"), ("lessons", "learned"),
    ];

    private static readonly Dictionary<string, string> TypeWords = new(StringComparer.Ordinal)
    {
        ["interventie"] = "interventie", ["interventies"] = "interventie", ["methode"] = "interventie", ["methodes"] = "interventie",
        ["methoden"] = "interventie", ["methodiek"] = "interventie", ["methodieken"] = "interventie", ["aanpak"] = "interventie",
        ["aanpakken"] = "interventie", ["programma"] = "interventie", ["programmas"] = "interventie",
        ["wie"] = "wijkschakelaar", ["contactpersoon"] = "wijkschakelaar", ["contactpersonen"] = "wijkschakelaar",
        ["aanspreekpunt"] = "wijkschakelaar",
        ["bijeenkomst"] = "bijeenkomst", ["bijeenkomsten"] = "bijeenkomst", ["webinar"] = "bijeenkomst", ["webinars"] = "bijeenkomst",
        ["evenement"] = "bijeenkomst", ["evenementen"] = "bijeenkomst", ["congres"] = "bijeenkomst", ["workshop"] = "bijeenkomst",
        ["workshops"] = "bijeenkomst",
        ["instrument"] = "instrument", ["instrumenten"] = "instrument", ["meten"] = "instrument", ["meetinstrument"] = "instrument",
        ["meetinstrumenten"] = "instrument", ["tool"] = "instrument", ["tools"] = "instrument",
        ["praktijkvoorbeeld"] = "praktijkvoorbeeld", ["praktijkvoorbeelden"] = "praktijkvoorbeeld",
    };

    /// <summary>Words that ask something but say nothing about the topic.</summary>
    private static readonly HashSet<string> Filler =
    [
        "hoe", "wat", "welke", "welk", "waarom", "wanneer", "waar", "waarmee", "je", "jij", "jou", "jouw", "jullie", "we", "wij",
        "ik", "mij", "me", "mijn", "u", "uw", "kan", "kun", "kunt", "kunnen", "moet", "moeten", "zou", "zouden", "wil",
        "willen", "doe", "doet", "iets", "er", "ze", "zij", "hun", "hen", "die", "dat", "deze", "dit", "een", "de", "het",
        "zijn", "is", "was", "waren", "wordt", "worden", "werd", "heb", "hebt", "heeft", "hebben", "had", "gaat", "gaan",
        "van", "over", "met", "voor", "bij", "om", "te", "aan", "in", "op", "naar", "tips", "tip", "manier", "manieren",
        "beste", "ergens", "eigenlijk", "graag", "zoek", "zoeken", "krijg", "krijgen", "krijgt", "and", "of", "en", "ook",
        "iemand", "mensen", "goed", "goede", "echt", "niet", "geen", "toch",
    ];

    /// <summary>Filler only when the query asks for failures: "leren van mislukkingen".</summary>
    private static readonly HashSet<string> FailureFiller = ["leren", "geleerde", "wat", "ervan", "projecten", "project"];

    /// <summary>True for question words and filler that never decide a ranking.</summary>
    public static bool IsFiller(string foldedWord) => Filler.Contains(foldedWord);

    public static Understanding Understand(IReadOnlyList<QueryPart> parts, IndexReader reader)
    {
        var words = parts.Select(p => p.IsPhrase || p.IsExcluded ? null : FoldingAnalyzer.Fold(p.Text)).ToList();
        var taken = new bool[parts.Count];
        var failures = false;
        var types = new List<string>();
        var happened = new List<string>();

        for (var i = 0; i < parts.Count; i++)
        {
            if (words[i] is not { } word) continue;
            // "ging er mis", "werkte er niet": an "er" between the two words of a phrase changes nothing.
            var gap = i + 2 < parts.Count && words[i + 1] == "er" ? 1 : 0;
            if (i + 1 + gap < parts.Count && words[i + 1 + gap] is { } next && FailurePhrases.Contains((word, next)))
            {
                failures = true;
                for (var k = i; k <= i + 1 + gap; k++)
                    taken[k] = true;
                i += 1 + gap;
            }
            else if (FailureWords.Contains(word))
            {
                failures = taken[i] = true;
                if (WhatHappened.FirstOrDefault(g => g.Contains(word)) is { } said)
                    happened.AddRange(said.Except(happened));
            }
            else if (TypeWords.TryGetValue(word, out var type))
            {
                taken[i] = true;
                if (!types.Contains(type)) types.Add(type);
            }
        }

        var beforePlaces = (bool[])taken.Clone();
        var places = Places.Of(reader).Find(words, taken);
        var rest = new List<QueryPart>();
        // A place is searched as a word too: texts that mention it count, besides items that are there.
        for (var i = 0; i < parts.Count; i++)
            if ((!taken[i] || !beforePlaces[i]) && !(words[i] is { } w && (Filler.Contains(w) || failures && FailureFiller.Contains(w))))
                rest.Add(parts[i]);

        // Only a place, or words that say nothing else: keep searching for the words themselves.
        var intent = failures || types.Count > 0 || places.Count > 0;
        if (!intent && rest.Count == 0)
            return Understanding.None with { Words = parts };
        if (!intent)
            return Understanding.None with { Words = rest, Typed = parts };
        var intentWords = parts.Where((_, i) => taken[i] && !rest.Contains(parts[i])).ToList();
        return new Understanding
        {
            Words = rest, IntentWords = intentWords, Failures = failures, Happened = rest.Count > 0 ? happened : [], Types = types, Places = places,
            Typed = parts,
        };
    }

    /// <summary>The place names items are in, from the place facets of the current reader, by folded words.</summary>
    private sealed class Places
    {
        private static readonly ConditionalWeakTable<IndexReader, Places> Cache = new();
        private const int MaxWords = 3;

        private readonly Dictionary<string, List<(string Field, string Value)>> byName = new(StringComparer.Ordinal);

        public static Places Of(IndexReader reader) => Cache.GetValue(reader, r => new Places(r));

        private Places(IndexReader reader)
        {
            foreach (var field in SearchFields.Places)
            {
                var terms = MultiFields.GetTerms(reader, field);
                if (terms is null) continue;
                var e = terms.GetEnumerator();
                while (e.MoveNext())
                {
                    var value = e.Term.Utf8ToString();
                    var key = string.Join(' ', FoldingAnalyzer.Tokens(FoldingAnalyzer.Instance, value));
                    if (key.Length < 3) continue;
                    if (!byName.TryGetValue(key, out var list)) byName[key] = list = [];
                    list.Add((field, value));
                }
            }
        }

        public List<(string Field, string Value)> Find(List<string?> words, bool[] taken)
        {
            var found = new List<(string, string)>();
            if (byName.Count == 0) return found;
            for (var i = 0; i < words.Count; i++)
            {
                for (var length = Math.Min(MaxWords, words.Count - i); length >= 1; length--)
                {
                    var span = words.Skip(i).Take(length).ToList();
                    if (span.Any(w => w is null) || Enumerable.Range(i, length).Any(j => taken[j])) continue;
                    // Words are folded one by one; a place like "Rotterdam-Zuid" is two tokens, "rotterdam zuid".
                    var key = string.Join(' ', span.SelectMany(w => FoldingAnalyzer.Tokens(FoldingAnalyzer.Instance, w!)));
                    if (!byName.TryGetValue(key, out var places))
                    {
                        // "Rotterdam-Zuid": a district written onto its town; the town alone is a place too.
                        if (length > 1 || !key.Contains(' ')) continue;
                        places = key.Split(' ').SelectMany(k => byName.GetValueOrDefault(k) ?? []).ToList();
                        if (places.Count == 0) continue;
                    }
                    found.AddRange(places);
                    for (var j = i; j < i + length; j++) taken[j] = true;
                    i += length - 1;
                    break;
                }
            }
            return found;
        }
    }
}
