package org.tribune.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A permalink pattern, such as {@code /{yyyy}/{mm}/{slug}}: a path on the site's base URL, or an absolute http(s) URL
 * for pages served elsewhere, with placeholders between braces. Parsed once, expanded for every representation.
 */
record PermalinkPattern(String source, List<String> parts) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** What RFC 3986 allows in a path, a query and a fragment, besides percent-escapes. */
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@/?#%-]*");

    /** Parsed parts alternate: a literal, then a placeholder's name, then a literal, and so on. */
    static PermalinkPattern parse(String source) {
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(source);
        int at = 0;
        while (m.find()) {
            parts.add(source.substring(at, m.start()));
            parts.add(m.group(1));
            at = m.end();
        }
        parts.add(source.substring(at));
        return new PermalinkPattern(source, List.copyOf(parts));
    }

    /** What is wrong with {@code source} as a pattern of {@code kind}, or null when nothing is. */
    static String problem(PermalinkKind kind, String source) {
        if (!source.startsWith("/") && !source.startsWith("https://") && !source.startsWith("http://")) {
            return "must be a path starting with / (on the site's base URL) or an absolute http(s) URL";
        }
        PermalinkPattern pattern = parse(source);
        Set<String> used = new HashSet<>();
        Map<String, String> sample = new java.util.HashMap<>();
        for (int i = 1; i < pattern.parts.size(); i += 2) {
            String name = pattern.parts.get(i);
            if (!kind.placeholders().contains(name)) {
                return "has an unknown placeholder {" + name + "}; a " + kind.field() + " pattern may use "
                        + kind.placeholders().stream().map(p -> "{" + p + "}").toList();
            }
            used.add(name);
            sample.put(name, "x");
        }
        for (int i = 0; i < pattern.parts.size(); i += 2) {
            String literal = pattern.parts.get(i);
            if (!LITERAL.matcher(literal).matches()) {
                return "may hold only URL characters and placeholders between braces";
            }
        }
        if (used.stream().noneMatch(kind.identifying()::contains)) {
            return "must use "
                    + kind.identifying().stream()
                            .sorted()
                            .map(p -> "{" + p + "}")
                            .toList()
                            .toString()
                            .replace(", ", " or ")
                    + ", so that no two items share a permalink";
        }
        try {
            URI uri = new URI(
                    source.startsWith("/") ? "https://example.org" + pattern.expand(sample) : pattern.expand(sample));
            if (uri.getHost() == null) {
                return "must name a host when it is an absolute URL";
            }
        } catch (URISyntaxException e) {
            return "does not make a valid URL: " + e.getReason();
        }
        return null;
    }

    String expand(Map<String, String> values) {
        StringBuilder url = new StringBuilder(source.length() + 40);
        for (int i = 0; i < parts.size(); i++) {
            url.append(i % 2 == 0 ? parts.get(i) : values.get(parts.get(i)));
        }
        return url.toString();
    }

    boolean relative() {
        return source.startsWith("/");
    }
}
