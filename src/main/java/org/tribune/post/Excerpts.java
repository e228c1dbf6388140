package org.tribune.post;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Derives a listing excerpt from a post's content, and tells whether a card's excerpt leaves anything unread. */
public final class Excerpts {

    static final int TARGET = 300;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");
    private static final Pattern ENDS_A_SENTENCE = Pattern.compile(".*[.!?…:;»\"”)]$");
    /** Blocks of running prose; headings, captions, table cells and code are not read into an excerpt. */
    private static final String PROSE = "p, li, dd, blockquote";

    private static final String NOT_PROSE = "table, figure, figcaption, pre, h1, h2, h3, h4, h5, h6";
    /** What a card cannot show: a reader who sees only the excerpt misses these. */
    private static final String MORE_THAN_TEXT = "img, figure, table, iframe, video, audio, pre";

    /** A card's excerpt, and whether the post has more to read than it. */
    public record Excerpt(String text, boolean truncated) {}

    private Excerpts() {}

    /** Derived from the content: its prose, block by block, in whole sentences while they fit. */
    public static Excerpt derive(String html) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        String prose = prose(doc);
        String text = cut(prose.isEmpty() ? doc.text() : prose);
        return new Excerpt(text, hasMore(doc, text));
    }

    /** An editor's excerpt: truncated unless it says all the content says, and the content has nothing else. */
    public static Excerpt given(String excerpt, String html) {
        return new Excerpt(excerpt, hasMore(Jsoup.parse(html == null ? "" : html), excerpt));
    }

    /**
     * The prose blocks, each its own sentence: a block that does not end one (a list item, a short line) gets a
     * full stop, so that blocks never run into one sentence.
     */
    private static String prose(Document doc) {
        List<String> blocks = new ArrayList<>();
        for (Element block : doc.select(PROSE)) {
            if (block.parents().stream().anyMatch(p -> p.is(NOT_PROSE))
                    || block.select(PROSE).size() > 1) {
                // Inside a table or a figure, or a quote or list item holding paragraphs (read as those).
                continue;
            }
            String text = block.text().strip();
            if (!text.isEmpty()) {
                blocks.add(text);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            String block = blocks.get(i);
            sb.append(block);
            if (i < blocks.size() - 1) {
                sb.append(ENDS_A_SENTENCE.matcher(block).matches() ? " " : ". ");
            }
        }
        return sb.toString();
    }

    private static boolean hasMore(Document doc, String excerpt) {
        if (!doc.select(MORE_THAN_TEXT).isEmpty()) {
            return true;
        }
        return !letters(doc.text()).equals(letters(excerpt));
    }

    /** Letters and digits only: punctuation added between blocks, or an ellipsis, is not more to read. */
    private static String letters(String text) {
        return text == null ? "" : text.replaceAll("[^\\p{L}\\p{N}]+", "").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whole sentences while they fit in about {@value #TARGET} characters; if even the first does not, the first
     * words that fit, with an ellipsis.
     */
    static String cut(String text) {
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
