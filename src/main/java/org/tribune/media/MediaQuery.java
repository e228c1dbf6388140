package org.tribune.media;

/**
 * The filters of the media library, as a client sets them; null means any.
 *
 * @param type {@code image} or {@code document}
 */
public record MediaQuery(String type, String q) {

    public static final int MAX_Q = 200;
}
