using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kennisplatform.Search.Analysis;

/// <summary>
/// After each compound, its parts at the same position and with the same offsets, typed <see cref="PartType"/>
/// so that <see cref="PartMarkerFilter"/> can tell them apart from whole words once they are stemmed.
/// </summary>
public sealed class CompoundPartsFilter : TokenFilter
{
    public const string PartType = "part";

    private readonly Decompounder decompounder;
    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute position;
    private readonly ITypeAttribute type;
    private readonly Queue<string> pending = new();
    private State? whole;

    public CompoundPartsFilter(TokenStream input, Decompounder decompounder) : base(input)
    {
        this.decompounder = decompounder;
        term = AddAttribute<ICharTermAttribute>();
        position = AddAttribute<IPositionIncrementAttribute>();
        type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (pending.Count > 0)
        {
            RestoreState(whole);
            term.SetEmpty().Append(pending.Dequeue());
            position.PositionIncrement = 0;
            type.Type = PartType;
            return true;
        }
        if (!m_input.IncrementToken())
            return false;
        // Most words are too short to be compounds: no string is made for them.
        if (term.Length < Decompounder.MinWord)
            return true;
        var parts = decompounder.Parts(term.ToString());
        if (parts.Length > 0)
        {
            whole = CaptureState();
            foreach (var part in parts)
                pending.Enqueue(part);
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        pending.Clear();
        whole = null;
    }
}

/// <summary>
/// Marks compound parts with a leading '~' after stemming: "buurtpreventie" is indexed as "buurtpreventie",
/// "~buurt", "~preventie". A query for "preventie" then finds the compound through "~preventie", weighted below
/// the exact word.
/// </summary>
public sealed class PartMarkerFilter : TokenFilter
{
    public const char Marker = '~';

    private readonly ICharTermAttribute term;
    private readonly ITypeAttribute type;

    public PartMarkerFilter(TokenStream input) : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        if (type.Type == CompoundPartsFilter.PartType)
        {
            var text = term.ToString();
            term.SetEmpty().Append(Marker).Append(text);
        }
        return true;
    }
}

/// <summary>
/// Replaces a word by the word it is made from when <see cref="Base"/> finds one; a word a stem override fixed stays.
/// Most words are ruled out by their length and last letter before a string is made.
/// </summary>
public abstract class WordBaseFilter : TokenFilter
{
    private readonly ICharTermAttribute term;
    private readonly IKeywordAttribute keyword;

    protected WordBaseFilter(TokenStream input) : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        keyword = AddAttribute<IKeywordAttribute>();
    }

    protected abstract int MinLength { get; }

    protected abstract bool MayEndWith(char last);

    /// <summary>The word <paramref name="word"/> is made from, or null.</summary>
    public abstract string? Base(string word);

    public sealed override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        if (keyword.IsKeyword || term.Length < MinLength || !MayEndWith(term.Buffer[term.Length - 1]))
            return true;
        if (Base(term.ToString()) is { } found)
            term.SetEmpty().Append(found);
        return true;
    }
}

/// <summary>
/// A person noun meets the activity it is named after: "mantelzorger(s)" → "mantelzorg", "opbouwwerker" →
/// "opbouwwerk", when that activity is a word of at least five letters. The length keeps "ouders" (oud) and
/// "moeder" (moed) apart.
/// </summary>
public sealed class PersonNounFilter(TokenStream input, Decompounder words) : WordBaseFilter(input)
{
    private const int MinBase = 5;

    protected override int MinLength => MinBase + 2;

    protected override bool MayEndWith(char last) => last is 'r' or 's';

    public override string? Base(string word) => Activity(word, words);

    /// <summary>The activity <paramref name="word"/> is named after, or null when it is no person noun.</summary>
    public static string? Activity(string word, Decompounder words)
    {
        var cut = word.EndsWith("ers", StringComparison.Ordinal) ? 3 : word.EndsWith("er", StringComparison.Ordinal) ? 2 : 0;
        return cut > 0 && word.Length - cut >= MinBase && words.IsKnown(word[..^cut]) ? word[..^cut] : null;
    }
}
