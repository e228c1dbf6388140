package org.tribune.media;

/**
 * The filters of the media library, as a client sets them; null means any.
 *
 * @param type {@code image} or {@code document}
 */
import java.time.Instant;

public record MediaQuery(String type, String q, Instant updatedAfter) {

    public static final int MAX_Q = 200;
}
