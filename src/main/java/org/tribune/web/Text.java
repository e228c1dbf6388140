package org.tribune.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Accent and case folding, shared by slugs and search so that both agree on what "the same letters" means. */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Text() {
    }

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

    /** Escapes LIKE wildcards so that a search for "100%" looks for those characters. Use with ESCAPE '\'. */
    public static String likeContains(String folded) {
        String escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
