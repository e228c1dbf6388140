package org.tribune.web;

import java.time.Instant;

/**
 * A stored file as the HTTP layer serves it. Its ETag is its checksum. It may be cached for a year only when its
 * URL names exactly these bytes ({@code immutable}); otherwise caches revalidate it, which costs a 304.
 *
 * @param disposition a Content-Disposition value, or null
 * @param body        gives the entity for a byte range: a PathPart for zero-copy, or a stream
 */
public record FileRepresentation(
        String contentType,
        long size,
        String checksum,
        Instant lastModified,
        String disposition,
        boolean immutable,
        Body body) {

    /** How long caches may keep a file: a year under a URL that names its bytes, else revalidated each use. */
    public static String cachePolicy(boolean immutable) {
        return immutable ? "public, max-age=31536000, immutable" : ResponseHeaders.PUBLIC_READ;
    }

    public String cachePolicy() {
        return cachePolicy(immutable);
    }

    @FunctionalInterface
    public interface Body {
        Object range(long offset, long length);
    }
}
