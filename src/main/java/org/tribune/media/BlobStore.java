package org.tribune.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where media bytes live. Keys are built by Tribune from ids and size names, never from anything a client sent.
 * The local directory is the default; {@link S3BlobStore} keeps them in an S3-compatible store.
 */
public interface BlobStore {

    /** Keys are made of ids and size names; anything else is a bug, refused before it reaches the storage. */
    Pattern KEY = Pattern.compile("[a-z0-9-]+(/[a-z0-9.-]+)*");

    static String checked(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return key;
    }

    /** Stores the content under the key, atomically: readers see the whole file or nothing. */
    void put(String key, Path content) throws IOException;

    /** The stored blob, or empty. */
    Optional<Blob> get(String key) throws IOException;

    /** Deletes the blob under the key, if there is one. */
    void delete(String key) throws IOException;

    /** Deletes every blob whose key starts with the prefix. */
    void deleteAll(String prefix) throws IOException;

    /** The first segments of the keys written before the given time, for finding blobs that no row refers to. */
    Set<String> prefixesOlderThan(Instant time) throws IOException;

    /** Checks that blobs can be written (or, for a remote store, that it can be reached), for health checks. */
    void checkWritable() throws IOException;

    /**
     * A URL the blob can be fetched from directly for the given time, with the given response headers, when the store
     * can give one (a presigned URL of S3).
     */
    default Optional<URI> temporaryUrl(String key, Duration lifetime, DirectResponse response) {
        return Optional.empty();
    }

    /** What the store is to answer a direct fetch with. */
    record DirectResponse(String contentType, String cacheControl, String contentDisposition) {}

    /** Whether every instance uses this same store, so that its failure is not one instance's. */
    default boolean shared() {
        return false;
    }

    interface Blob {
        long size();

        /** A local file, when the store has one: served with zero-copy sendfile. */
        Optional<Path> localPath();

        /** The bytes from offset, for length bytes. */
        InputStream open(long offset, long length) throws IOException;
    }
}
