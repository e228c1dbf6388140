package org.tribune.common;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Rich text from editors. jsoup's Cleaner is an allow-list sanitizer: anything not listed here (scripts, event
 * handlers, style, iframes, javascript: URLs) is dropped, so the stored HTML is safe to insert as-is in a page.
 */
public final class Html {

    /** jsoup only keeps relative links when it can resolve them against some base; this one is never emitted. */
    private static final String RELATIVE_BASE = "https://relative.invalid/";

    private static final Safelist CONTENT = new Safelist()
            .addTags(
                    "p",
                    "br",
                    "hr",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol",
                    "li",
                    "a",
                    "em",
                    "strong",
                    "i",
                    "b",
                    "u",
                    "s",
                    "sub",
                    "sup",
                    "small",
                    "mark",
                    "abbr",
                    "cite",
                    "q",
                    "code",
                    "pre",
                    "blockquote",
                    "figure",
                    "figcaption",
                    "img")
            .addAttributes("a", "href", "title", "hreflang")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addAttributes("blockquote", "cite")
            .addAttributes("q", "cite")
            .addAttributes("abbr", "title")
            .addAttributes("ol", "start", "reversed")
            .addProtocols("a", "href", "http", "https", "mailto", "tel")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("blockquote", "cite", "http", "https")
            .addProtocols("q", "cite", "http", "https")
            .preserveRelativeLinks(true);

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private Html() {}

    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, RELATIVE_BASE, CONTENT, OUTPUT);
    }

    /** The visible text, whitespace collapsed: what a reader would read aloud. */
    public static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.parse(html).text();
    }
}
