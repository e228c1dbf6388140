package org.tribune.media;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "tribune.media")
public interface MediaConfig {

    /** Largest accepted upload; the HTTP body limit follows it (see BodyLimitConfigSource). */
    @WithDefault("20M")
    MemorySize maxUploadSize();

    /** Largest accepted image, in pixels, read from the header before anything is decoded. */
    @WithDefault("50000000")
    long maxPixels();

    /**
     * Keep the original's metadata (EXIF, XMP, IPTC) as uploaded. Off by default: a photo's GPS position, date and
     * camera serial number can put the people in it at risk.
     */
    @WithDefault("false")
    boolean keepMetadata();

    /** Images decoded at the same time; each can take width x height x 4 bytes of memory, so this bounds the peak. */
    @WithDefault("2")
    int maxConcurrentProcessing();

    /**
     * How often each instance looks for images uploaded before the current renditions existed (RenditionBackfill);
     * {@code off} leaves them as they are.
     */
    @WithDefault("30s")
    String backfillEvery();

    /** Where files are stored with {@code storage=local}; every instance must see the same directory. */
    Path storageDir();

    /**
     * The origin media file URLs start with, such as a CDN that forwards {@code /api/v1/media/} to the instances
     * (TRIBUNE_MEDIA_BASE_URL); TRIBUNE_PUBLIC_URL when unset.
     */
    Optional<URI> baseUrl();

    /** {@code local} (the storage directory, the default) or {@code s3} (an S3-compatible object store). */
    @WithDefault("local")
    String storage();

    /**
     * {@code stream}: the file endpoint sends the bytes itself (ETag, Range, 304), from either store. {@code redirect}
     * (S3 only): it answers 307 to a presigned URL of the object, so that the bytes go from the store to the client.
     */
    @WithDefault("stream")
    String serving();

    /** How long a presigned URL given with {@code serving=redirect} stays valid; the redirect is cached half as long. */
    @WithDefault("1h")
    Duration redirectLifetime();

    S3 s3();

    /** An S3-compatible store: AWS S3, or any other with its endpoint. Credentials come from the SDK's chain. */
    interface S3 {

        Optional<String> bucket();

        /** The region; required by AWS, and for other stores any name they accept (us-east-1 when unset). */
        Optional<String> region();

        /** The store's URL, for stores other than AWS (MinIO, Garage, OVH, Scaleway...). */
        Optional<URI> endpoint();

        /** Path-style URLs (endpoint/bucket/key), which most stores other than AWS need. */
        @WithDefault("false")
        boolean pathStyle();

        /** A prefix for every key, so that several sites can share a bucket, such as {@code paris/}. */
        Optional<String> keyPrefix();

        /** Create the bucket at start when it is missing: for development and tests; operators make theirs. */
        @WithDefault("false")
        boolean createBucket();

        /**
         * How long a request waits for the store to send the next bytes. A store that stops answering (a network
         * partition, a frozen process) then gets 503 with Retry-After within a few multiples of it (the SDK tries
         * three times), instead of holding requests until the load balancer gives up.
         */
        @WithDefault("10s")
        Duration timeout();
    }
}
