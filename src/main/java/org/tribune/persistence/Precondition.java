package org.tribune.persistence;

import java.util.Arrays;
import java.util.List;

/**
 * The condition a client put on its write, parsed once at the HTTP edge: the entity tags it accepts (RFC 9110
 * If-Match), or none.
 */
public sealed interface Precondition {

    /** The client sent no If-Match; the server's policy decides whether that is allowed. */
    Precondition ABSENT = new Absent();
    /**
     * A write that takes no precondition: one the server makes on its own (schedules, cascades), or one of a resource
     * that cannot be edited, only created and removed (an API token).
     */
    Precondition UNCONDITIONAL = new Unconditional();

    static Precondition ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return ABSENT;
        }
        return new IfMatch(Arrays.stream(header.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList());
    }

    record Absent() implements Precondition {}

    record Unconditional() implements Precondition {}

    /** @param tags the tags as sent; {@code *} matches any current version */
    record IfMatch(List<String> tags) implements Precondition {

        /** Strong comparison (RFC 9110 13.1.1): a weak tag never matches. */
        public boolean matches(String currentEtag) {
            return tags.stream().anyMatch(t -> t.equals("*") || t.equals(currentEtag));
        }
    }
}
