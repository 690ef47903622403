using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;

namespace Kennisplatform.Search.Analysis;

/// <summary>
/// Dutch analysis: lower case, accent folding, Dutch stop words, then (when indexing) the parts of compounds split
/// by the word list, or (when searching) synonyms; then person nouns to their activity, diminutives to their word, the stem overrides and the
/// Snowball Dutch stemmer. Compound parts are indexed marked with '~' (see <see cref="PartMarkerFilter"/>), so a
/// query can weigh "found inside a compound" below "found as the word itself".
/// </summary>
public sealed class DutchSearchAnalyzer(SearchLexicon lexicon, bool forIndexing, bool withSynonyms = true) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(SearchLexicon.Version, reader);
        TokenStream stream = new LowerCaseFilter(SearchLexicon.Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(SearchLexicon.Version, stream, Lucene.Net.Analysis.Nl.DutchAnalyzer.DefaultStopSet);
        if (forIndexing)
            stream = new CompoundPartsFilter(stream, lexicon.Decompounder);
        else if (withSynonyms && lexicon.Synonyms.Fst is not null) // a list of only phrases leaves no word synonyms
            stream = new SynonymFilter(stream, lexicon.Synonyms, ignoreCase: true);
        stream = new StemmerOverrideFilter(stream, lexicon.StemOverrides);
        stream = new PersonNounFilter(stream, lexicon.Decompounder);
        stream = new DiminutiveFilter(stream, lexicon.Decompounder);
        stream = new PluralFilter(stream, lexicon.Decompounder);
        stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
        if (forIndexing)
            stream = new PartMarkerFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>Lower case, accent folding and synonyms, no stemming: to find the synonyms of a word as words.</summary>
public sealed class SynonymAnalyzer(SearchLexicon lexicon) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(SearchLexicon.Version, reader);
        TokenStream stream = new LowerCaseFilter(SearchLexicon.Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        if (lexicon.Synonyms.Fst is not null)
            stream = new SynonymFilter(stream, lexicon.Synonyms, ignoreCase: true);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
