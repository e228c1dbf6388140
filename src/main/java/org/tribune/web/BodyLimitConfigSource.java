package org.tribune.web;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the HTTP body limits from the settings operators know, so that they set one value each: a request body
 * may exceed the upload limit by the multipart envelope and the text fields, and the backup import takes whole
 * archives. The server-wide limit is the larger of the two; {@link BodyLimit} holds every other route to the
 * smaller one. An explicit quarkus.http.limits.max-body-size still wins.
 */
public class BodyLimitConfigSource implements ConfigSourceFactory {

    static final long ENVELOPE = 64 * 1024;
    static final String DEFAULT_LIMIT = "tribune.http.max-body-size";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        long upload = bytes(context, "tribune.media.max-upload-size", "20M") + ENVELOPE;
        long archive = bytes(context, "tribune.backup.max-import-size", "4G");
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "quarkus.http.limits.max-body-size",
                        Long.toString(Math.max(upload, archive)),
                        DEFAULT_LIMIT,
                        Long.toString(upload)),
                "tribune-body-limits",
                150));
    }

    private static long bytes(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        String text = value == null || value.getValue() == null ? fallback : value.getValue();
        return new MemorySizeConverter().convert(text).asLongValue();
    }
}
