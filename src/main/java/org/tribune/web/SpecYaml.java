package org.tribune.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The spec as YAML that every loader reads the same. Quarkus's YAML writer (a fixed Jackson factory) leaves
 * {@code 2025-01-01} and {@code 2025-07-09T10:00:00Z} unquoted, which YAML 1.1 loaders (PyYAML, SnakeYAML 1.x,
 * many generators) read as dates rather than the strings the spec means. This writer quotes every string a YAML
 * 1.1 loader would read as anything but a string. It serves {@code /q/openapi} in YAML (JSON is left to Quarkus),
 * and, run by Maven at package time, writes openapi.yaml from the generated JSON: both are the same text.
 */
@ApplicationScoped
public class SpecYaml {

    /** YAML 1.1 timestamps and base-60 numbers, which YAML 1.2 reads as plain strings. */
    private static final Pattern YAML11_NON_STRING =
            Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?|[-+]?\\d[\\d_]*(:[0-5]?\\d)+(\\.[\\d_]*)?");

    private static final String YAML_TYPE = "application/yaml;charset=UTF-8";

    private final Instance<OpenApiDocumentService> documents;
    private volatile byte[] yaml;

    public SpecYaml(Instance<OpenApiDocumentService> documents) {
        this.documents = documents;
    }

    /** Maven's package phase: target/openapi/openapi.json → openapi.yaml. */
    public static void main(String[] args) throws IOException {
        Path json = Path.of(args.length > 0 ? args[0] : "target/openapi/openapi.json");
        Path out = Path.of(args.length > 1 ? args[1] : "openapi.yaml");
        Files.writeString(out, toYaml(new ObjectMapper().readTree(json.toFile())));
    }

    public static String toYaml(JsonNode spec) throws IOException {
        YAMLFactory factory = YAMLFactory.builder()
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .stringQuotingChecker(new Yaml11QuotingChecker())
                .build();
        return new ObjectMapper(factory).writeValueAsString(spec);
    }

    void install(@Observes Router router) {
        // Ahead of Quarkus's own /q/openapi route, which keeps serving JSON.
        router.get("/q/openapi").order(-10).handler(this::serve);
        router.get("/q/openapi.yaml").order(-10).handler(this::serve);
        router.get("/q/openapi.yml").order(-10).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        if (!wantsYaml(ctx)) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Content-Type", YAML_TYPE).end(Buffer.buffer(yaml()));
    }

    /** As Quarkus decides: a .json path, format=json or an Accept naming JSON gets JSON; everything else YAML. */
    private static boolean wantsYaml(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            return true;
        }
        String format = ctx.request().getParam("format");
        if (format != null) {
            return !format.equalsIgnoreCase("json");
        }
        String accept = ctx.request().getHeader("Accept");
        return accept == null || !accept.toLowerCase(Locale.ROOT).contains("json");
    }

    private byte[] yaml() {
        byte[] cached = yaml;
        if (cached == null) {
            try {
                byte[] json = documents.get().getDocument("<default>", Format.JSON);
                cached = toYaml(new ObjectMapper().readTree(json)).getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            yaml = cached;
        }
        return cached;
    }

    static final class Yaml11QuotingChecker extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value)
                    || YAML11_NON_STRING.matcher(value).matches();
        }
    }
}
