using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;

namespace Kennisplatform.Search.Analysis;

/// <summary>
/// Dutch analysis: lower case, accent folding, Dutch stop words, then (when indexing) compound splitting at
/// hyphenation points against the domain lexicon, or (when searching) synonyms; then the stem overrides and the
/// Snowball Dutch stemmer. Compounds are split only at index time: the parts of a query word are not wanted.
/// </summary>
public sealed class DutchSearchAnalyzer(SearchLexicon lexicon, bool forIndexing, bool withSynonyms = true) : Analyzer
{
    // Parts shorter than this are never split off; whole words shorter than MinWordSize are never split.
    private const int MinWordSize = 6;
    private const int MinSubwordSize = 3;
    private const int MaxSubwordSize = 20;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(SearchLexicon.Version, reader);
        TokenStream stream = new LowerCaseFilter(SearchLexicon.Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(SearchLexicon.Version, stream, Lucene.Net.Analysis.Nl.DutchAnalyzer.DefaultStopSet);
        if (forIndexing)
            stream = new HyphenationCompoundWordTokenFilter(SearchLexicon.Version, stream, lexicon.Hyphenation, lexicon.CompoundParts,
                MinWordSize, MinSubwordSize, MaxSubwordSize, onlyLongestMatch: false);
        else if (withSynonyms)
            stream = new SynonymFilter(stream, lexicon.Synonyms, ignoreCase: true);
        stream = new StemmerOverrideFilter(stream, lexicon.StemOverrides);
        stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
        return new TokenStreamComponents(tokenizer, stream);
    }
}
