package org.tribune.honor;

/** The filters of the honorary citizen list, as a client sets them; null means any. They combine with AND. */
import java.time.Instant;

public record HonoraryCitizenQuery(Integer year, String country, String q, Instant updatedAfter) {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2200;
    public static final int MAX_Q = 200;
}
