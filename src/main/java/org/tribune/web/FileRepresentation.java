package org.tribune.web;

import java.time.Instant;

/**
 * A stored file as the HTTP layer serves it. Files never change once stored, so their ETag is their checksum and
 * they may be cached for a year.
 *
 * @param disposition a Content-Disposition value, or null
 * @param body        gives the entity for a byte range: a PathPart for zero-copy, or a stream
 */
public record FileRepresentation(
        String contentType, long size, String checksum, Instant lastModified, String disposition, Body body) {

    @FunctionalInterface
    public interface Body {
        Object range(long offset, long length);
    }
}
