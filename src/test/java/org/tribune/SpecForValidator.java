package org.tribune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * The committed spec, as the response validator must read it to be exactly as strict as code generators.
 *
 * <p>openapi.yaml writes a nullable reference the OpenAPI 3.0 way, {@code nullable: true} beside
 * {@code allOf: [$ref]}, which openapi-generator and openapi-typescript read as "that type, or null". The
 * validator (swagger-request-validator) applies the referenced schema to null as well and rejects it. Here each
 * such reference is replaced by a copy of the schema it names, made nullable (enums list null), so that null and a
 * full object both validate and every other value is checked against the same schema as before: nothing is
 * loosened, the shape is the same.
 */
final class SpecForValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecForValidator() {}

    static String read(Path spec) {
        try {
            JsonNode root = new YAMLMapper().readTree(spec.toFile());
            JsonNode schemas = root.path("components").path("schemas");
            inline(root, schemas);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void inline(JsonNode node, JsonNode schemas) {
        if (node instanceof ArrayNode array) {
            array.forEach(child -> inline(child, schemas));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            String ref = nullableRef(value);
            if (ref != null) {
                ObjectNode copy =
                        schemas.path(ref.substring(ref.lastIndexOf('/') + 1)).deepCopy();
                copy.put("nullable", true);
                if (copy.has("enum")) {
                    ((ArrayNode) copy.get("enum")).addNull();
                }
                if (value.has("description")) {
                    copy.set("description", value.get("description"));
                }
                inline(copy, schemas);
                field.setValue(copy);
            } else {
                inline(value, schemas);
            }
        }
    }

    /** The $ref of {@code nullable: true, allOf: [{$ref}]}, or null. */
    private static String nullableRef(JsonNode schema) {
        JsonNode allOf = schema.path("allOf");
        if (schema.path("nullable").asBoolean(false)
                && allOf.isArray()
                && allOf.size() == 1
                && allOf.get(0).has("$ref")) {
            return allOf.get(0).get("$ref").asText();
        }
        return null;
    }
}
