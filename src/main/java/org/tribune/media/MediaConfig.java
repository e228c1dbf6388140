package org.tribune.media;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

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

    /** Where files are stored; every instance must see the same directory. */
    Path storageDir();
}
