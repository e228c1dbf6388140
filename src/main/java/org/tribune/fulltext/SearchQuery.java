package org.tribune.fulltext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribune.common.ApiException;

/**
 * A parsed search, the same for both engines: words that must all match, "phrases in quotes" that must match as
 * phrases, -exclusions (a word or a quoted phrase), and the last word typed, matched as a prefix for typeahead
 * unless the query ends with a space. Punctuation that does not parse (a quote left open, a lone dash) is read as
 * plain words: a search box never answers with a syntax error.
 *
 * @param prefix null when the query ends with a space, a phrase or an exclusion
 */
public record SearchQuery(
        List<String> words, List<String> phrases, List<String> excluded, String prefix, boolean anyWord) {

    public static final int MAX_LENGTH = 200;
    /** Words counted across words, phrases, exclusions and the prefix: more would only slow the search down. */
    public static final int MAX_TERMS = 16;

    /**
     * The same search with each word, phrase and the prefix optional (at least one must match, and hits that match
     * more rank first), the exclusions still in force: for when requiring every word finds nothing.
     */
    public SearchQuery relaxed() {
        return new SearchQuery(words, phrases, excluded, prefix, true);
    }

    /** The same search without the plain words {@code drop} accepts (phrases, exclusions and the prefix stay). */
    public SearchQuery withoutWords(java.util.function.Predicate<String> drop) {
        return new SearchQuery(words.stream().filter(drop.negate()).toList(), phrases, excluded, prefix, anyWord);
    }

    /** Whether {@link #relaxed()} could find more: it has more than one word, phrase or prefix. */
    public boolean relaxable() {
        return !anyWord && words.size() + phrases.size() + (prefix == null ? 0 : 1) > 1;
    }

    public boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty() && prefix == null;
    }

    /** @return null for no query */
    public static SearchQuery parse(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_LENGTH) {
            throw ApiException.invalid("q", "is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) && !Character.isWhitespace(c)
                    || Character.getType(c) == Character.PRIVATE_USE
                    || Character.isSurrogate(c) && !validSurrogate(raw, i)) {
                throw ApiException.invalid("q", "holds a control or unassigned character at position " + (i + 1));
            }
        }
        String q = raw.replace('\u201C', '"')
                .replace('\u201D', '"')
                .replace('\u00AB', '"')
                .replace('\u00BB', '"');
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        String lastPlainWord = null;
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = c == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1));
            int start = negated ? i + 1 : i;
            if (q.charAt(start) == '"') {
                int close = q.indexOf('"', start + 1);
                if (close > start) {
                    String phrase = q.substring(start + 1, close).strip();
                    if (!phrase.isEmpty()) {
                        (negated ? excluded : phrases).add(phrase);
                    }
                    lastPlainWord = null;
                    i = close + 1;
                    continue;
                }
                // A quote left open: what follows is plain words.
                start++;
            }
            int end = start;
            while (end < n && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
                end++;
            }
            String word = q.substring(start, end);
            // A quote right after a word starts a phrase, which the next turn reads.
            i = Math.max(end, i + 1);
            if (word.isEmpty() || !hasLetterOrDigit(word)) {
                continue;
            }
            if (negated) {
                excluded.add(word);
                lastPlainWord = null;
            } else {
                words.add(word);
                lastPlainWord = word;
            }
        }
        String prefix = null;
        if (lastPlainWord != null && !Character.isWhitespace(q.charAt(n - 1)) && q.endsWith(lastPlainWord)) {
            words.remove(words.size() - 1);
            prefix = lastPlainWord;
        }
        int terms = count(words) + count(phrases) + count(excluded) + (prefix == null ? 0 : 1);
        if (terms > MAX_TERMS) {
            throw ApiException.invalid("q", "has " + terms + " words; a search takes at most " + MAX_TERMS);
        }
        SearchQuery parsed =
                new SearchQuery(List.copyOf(words), List.copyOf(phrases), List.copyOf(excluded), prefix, false);
        if (parsed.isEmpty() && !excluded.isEmpty()) {
            throw ApiException.invalid("q", "only excludes words: give at least one word to find");
        }
        if (parsed.isEmpty()) {
            throw ApiException.invalid("q", "has no word to search for");
        }
        return parsed;
    }

    /**
     * The words and phrases to find, in the syntax of PostgreSQL's websearch_to_tsquery, without the prefix word:
     * its only operators are quotes and "or" (between them when {@link #anyWord}); a bare "or" typed is dropped,
     * since it would read it as an operator.
     */
    public String websearchText() {
        List<String> parts = new ArrayList<>();
        for (String w : words) {
            addWord(parts, w, "");
        }
        for (String p : phrases) {
            parts.add('"' + p.replace("\"", " ") + '"');
        }
        return String.join(anyWord ? " or " : " ", parts);
    }

    /** The exclusions, in the syntax of websearch_to_tsquery: each word or phrase after a dash. */
    public String websearchExclusions() {
        List<String> parts = new ArrayList<>();
        for (String e : excluded) {
            if (e.contains(" ")) {
                parts.add("-\"" + e.replace("\"", " ") + '"');
            } else {
                addWord(parts, e, "-");
            }
        }
        return String.join(" ", parts);
    }

    private static void addWord(List<String> parts, String word, String sign) {
        String w = word.replace("\"", " ").strip();
        while (w.startsWith("-")) {
            w = w.substring(1);
        }
        if (!w.isEmpty() && !w.toLowerCase(Locale.ROOT).equals("or")) {
            parts.add(sign + w);
        }
    }

    private static int count(List<String> texts) {
        int n = 0;
        for (String t : texts) {
            n += t.strip().split("\\s+").length;
        }
        return n;
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
