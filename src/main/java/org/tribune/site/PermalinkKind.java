package org.tribune.site;

import java.util.List;
import java.util.Set;

/**
 * The kinds of public page a permalink pattern is set for, each with the placeholders its pattern may use and those
 * of which it needs one, so that no two items of a kind share a permalink.
 */
public enum PermalinkKind {
    post("post", List.of("slug", "id", "yyyy", "mm", "dd"), Set.of("slug", "id")),
    category("category", List.of("slug", "id"), Set.of("slug", "id")),
    tag("tag", List.of("slug"), Set.of("slug")),
    honoraryCitizen("honoraryCitizen", List.of("slug", "id"), Set.of("slug", "id")),
    prize("prize", List.of("slug", "id"), Set.of("slug", "id")),
    award("award", List.of("id", "prize", "year"), Set.of("id"));

    private final String field;
    private final List<String> placeholders;
    private final Set<String> identifying;

    PermalinkKind(String field, List<String> placeholders, Set<String> identifying) {
        this.field = field;
        this.placeholders = placeholders;
        this.identifying = identifying;
    }

    /** Its field in the settings' {@code permalinks}. */
    public String field() {
        return field;
    }

    public List<String> placeholders() {
        return placeholders;
    }

    Set<String> identifying() {
        return identifying;
    }
}
