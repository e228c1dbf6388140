package org.tribune.site;

/** What every permalink is made from: when it changes, the features record their items as changed. */
public record SiteFootprint(String baseUrl, String timeZone, PermalinkPatterns patterns) {

    /** Whether the permalinks of items of {@code kind} differ between {@code before} and {@code after}. */
    public static boolean moves(SiteFootprint before, SiteFootprint after, PermalinkKind kind) {
        String was = before.patterns.of(kind);
        String is = after.patterns.of(kind);
        if (!was.equals(is)) {
            return true;
        }
        PermalinkPattern pattern = PermalinkPattern.parse(is);
        if (pattern.relative() && !java.util.Objects.equals(before.baseUrl, after.baseUrl)) {
            return true;
        }
        return kind == PermalinkKind.post
                && !before.timeZone.equals(after.timeZone)
                && pattern.parts().stream().anyMatch(p -> p.equals("yyyy") || p.equals("mm") || p.equals("dd"));
    }
}
