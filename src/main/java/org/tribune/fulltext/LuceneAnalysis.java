package org.tribune.fulltext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * How Lucene reads each language, chosen by the field's suffix ({@code title.fr}, {@code body.en}...):
 *
 * <ul>
 *   <li>French: elision ({@code l'homme} is {@code homme}), lower case, French stop words, accents and ligatures
 *       folded ({@code œ} is {@code oe}), then Snowball's French stemmer (plurals and feminines:
 *       {@code iraniennes} is {@code iranien}).
 *   <li>English: possessives, lower case, English stop words, folding, Snowball's English stemmer.
 *   <li>Neutral: lower case and folding only.
 * </ul>
 *
 * Stop words are removed before folding, since the lists are written with their accents. The stemmers are those
 * PostgreSQL's french and english configurations use, after folding as there (unaccent, then the stemmer), so that
 * both engines reduce a word alike: the light French stemmer, for one, takes the typo "Kohlr" for "Kohler".
 */
final class LuceneAnalysis {

    static final Analyzer FRENCH = stemming(
            source -> new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES),
            FrenchAnalyzer.getDefaultStopSet(),
            FrenchStemmer::new);

    static final Analyzer ENGLISH =
            stemming(EnglishPossessiveFilter::new, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, EnglishStemmer::new);

    /** A language's chain: its own first filter, lower case, its stop words, folding, then its Snowball stemmer. */
    private static Analyzer stemming(
            UnaryOperator<TokenStream> first, CharArraySet stopWords, Supplier<SnowballStemmer> stemmer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = first.apply(source);
                s = new LowerCaseFilter(s);
                s = new StopFilter(s, stopWords);
                s = new ASCIIFoldingFilter(s);
                s = new SnowballFilter(s, stemmer.get());
                return new TokenStreamComponents(source, s);
            }
        };
    }

    static final Analyzer NEUTRAL = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new LowerCaseFilter(source);
            s = new ASCIIFoldingFilter(s);
            return new TokenStreamComponents(source, s);
        }
    };

    /** The analyser of every field: the language's for text fields, neutral for the rest (never analysed). */
    static final Analyzer PER_FIELD = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected Analyzer getWrappedAnalyzer(String field) {
            return of(languageOf(field));
        }
    };

    private LuceneAnalysis() {}

    static Analyzer of(SearchLanguage language) {
        return switch (language) {
            case fr -> FRENCH;
            case en -> ENGLISH;
            case neutral -> NEUTRAL;
        };
    }

    static SearchLanguage languageOf(String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? SearchLanguage.neutral : SearchLanguage.valueOf(field.substring(dot + 1));
    }

    /** A token and its position, counting the gaps stop words leave, so that phrases keep their shape. */
    record Token(String term, int position) {}

    static List<Token> tokens(String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = PER_FIELD.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
