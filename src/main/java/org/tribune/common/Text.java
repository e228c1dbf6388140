package org.tribune.common;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Accent and case folding, shared by slugs and search so that both agree on what "the same letters" means. */
public final class Text {

    public static final int MAX_WORD = 40;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Text() {}

    /** "Ouïghour" and "OUIGHOUR" both fold to "ouighour"; "cœur" folds to "coeur". */
    public static String fold(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        String stripped = MARKS.matcher(decomposed).replaceAll("");
        StringBuilder sb = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            switch (c) {
                case 'œ', 'Œ' -> sb.append("oe");
                case 'æ', 'Æ' -> sb.append("ae");
                case 'ß' -> sb.append("ss");
                case 'ø', 'Ø' -> sb.append('o');
                case 'đ', 'Đ' -> sb.append('d');
                case 'ł', 'Ł' -> sb.append('l');
                case '’', '‘', 'ʼ' -> sb.append('\'');
                default -> sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** How many words of a media search are used: more would only slow the query down. */
    public static final int MAX_SEARCH_WORDS = 8;

    /** The words of a search query, folded, at most {@link #MAX_SEARCH_WORDS}; none for no query. */
    public static List<String> searchWords(String q) {
        return q == null ? List.of() : words(q).stream().limit(MAX_SEARCH_WORDS).toList();
    }

    /**
     * The distinct search words of a text: folded, split on anything but letters and digits, each cut to
     * {@value #MAX_WORD} characters (a longer query word is cut the same way, so it still matches).
     */
    public static Set<String> words(String s) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : NON_WORD.split(fold(s))) {
            if (!w.isEmpty()) {
                words.add(w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w);
            }
        }
        return words;
    }

    /** Null for an absent or blank value, the stripped text otherwise: how optional text fields are stored. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** At most max characters, for columns that hold derived text (sort keys, search text). */
    public static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
