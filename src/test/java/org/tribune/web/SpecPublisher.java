package org.tribune.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Publishes the spec the build generated (target/openapi/openapi.json) as openapi.yaml at the repository root, run
 * by Maven at package time. Quarkus's own YAML leaves {@code 2025-01-01} and {@code 2025-07-09T10:00:00Z} unquoted,
 * which YAML 1.1 loaders (PyYAML, SnakeYAML 1.x, many generators) read as dates rather than the strings the spec
 * means; this writer quotes every string a YAML 1.1 loader would read as anything but a string.
 */
public final class SpecPublisher {

    /** YAML 1.1 timestamps and base-60 numbers, which YAML 1.2 reads as plain strings. */
    private static final Pattern YAML11_NON_STRING = Pattern.compile(
            "\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?|[-+]?\\d[\\d_]*(:[0-5]?\\d)+(\\.[\\d_]*)?");

    private SpecPublisher() {
    }

    public static void main(String[] args) throws IOException {
        Path json = Path.of(args.length > 0 ? args[0] : "target/openapi/openapi.json");
        Path yaml = Path.of(args.length > 1 ? args[1] : "openapi.yaml");
        Files.writeString(yaml, toYaml(new ObjectMapper().readTree(json.toFile())));
    }

    static String toYaml(JsonNode spec) throws IOException {
        YAMLFactory factory = YAMLFactory.builder()
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .stringQuotingChecker(new Yaml11QuotingChecker())
                .build();
        return new ObjectMapper(factory).writeValueAsString(spec);
    }

    static final class Yaml11QuotingChecker extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || YAML11_NON_STRING.matcher(value).matches();
        }
    }
}
