package org.tribune.media;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the HTTP body limit from the upload limit, so that operators set one value: the body may exceed the
 * file by the multipart envelope and the text fields. An explicit quarkus.http.limits.max-body-size still wins.
 */
public class UploadLimitConfigSource implements ConfigSourceFactory {

    static final long ENVELOPE = 64 * 1024;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue limit = context.getValue("tribune.media.max-upload-size");
        String value = limit == null || limit.getValue() == null ? "20M" : limit.getValue();
        long bytes = new MemorySizeConverter().convert(value).asLongValue() + ENVELOPE;
        return List.of(new PropertiesConfigSource(Map.of("quarkus.http.limits.max-body-size", Long.toString(bytes)),
                "tribune-upload-limit", 150));
    }
}
