package org.tribune.honor;

/** The filters of the award list, as a client sets them; null means any. They combine with AND. */
import java.time.Instant;

public record AwardQuery(
        String prizeSlug,
        Integer year,
        String category,
        Distinction distinction,
        String country,
        String q,
        Instant updatedAfter) {

    public static final int MAX_CATEGORY = 100;
    public static final int MAX_Q = 200;
}
