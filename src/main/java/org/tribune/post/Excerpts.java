package org.tribune.post;

import java.util.regex.Pattern;

/** Derives a listing excerpt from a post's text. */
final class Excerpts {

    static final int TARGET = 300;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

    private Excerpts() {}

    /**
     * Whole sentences while they fit in about {@value #TARGET} characters; if even the first does not, the first
     * words that fit, with an ellipsis.
     */
    static String derive(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() <= TARGET) {
            return t;
        }
        StringBuilder sb = new StringBuilder();
        for (String sentence : SENTENCE_END.split(t)) {
            if (sb.length() + sentence.length() + 1 > TARGET) {
                break;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(sentence);
        }
        if (!sb.isEmpty()) {
            return sb.toString();
        }
        int cut = t.lastIndexOf(' ', TARGET - 1);
        String head = cut > TARGET / 2 ? t.substring(0, cut) : t.substring(0, TARGET - 1);
        return head.replaceAll("[\\s,;:–—-]+$", "") + "…";
    }
}
