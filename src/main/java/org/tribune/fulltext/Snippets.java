package org.tribune.fulltext;

/**
 * Snippets travel from the engines with two private-use characters around each matched word, and leave as HTML in
 * which everything from the content is escaped and the only tags are {@code <mark>} and {@code </mark>}: safe to
 * insert as HTML, and easy to parse for a client that draws its own highlight.
 */
public final class Snippets {

    public static final char START = '\uE000';
    public static final char END = '\uE001';

    private Snippets() {}

    /** Content text with the markers removed, so that no content can forge a highlight. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        return text.indexOf(START) < 0 && text.indexOf(END) < 0
                ? text
                : text.replace(String.valueOf(START), "").replace(String.valueOf(END), "");
    }

    /** The marked text as safe HTML; null stays null. */
    public static String html(String marked) {
        if (marked == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        boolean open = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> {
                    if (!open) {
                        html.append("<mark>");
                        open = true;
                    }
                }
                case END -> {
                    if (open) {
                        html.append("</mark>");
                        open = false;
                    }
                }
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        if (open) {
            html.append("</mark>");
        }
        return html.toString().strip();
    }
}
