package org.tribune.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

@QuarkusTest
class OpenApiContractTest extends ApiTestSupport {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void committedSpecIsExactlyWhatTheCodeGenerates() throws Exception {
        String served = given().accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .contentType("application/yaml")
                .extract()
                .asString();
        String committed = Files.readString(SPEC);
        if (!served.equals(committed)) {
            Path fresh = Path.of("target", "openapi-generated.yaml");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, served);
        }
        assertThat(committed)
                .as(
                        "openapi.yaml is stale. `mvn package -DskipTests` rewrites it (a copy is in target/openapi-generated.yaml); review and commit it.")
                .isEqualTo(served);
        JsonNode json = new ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .contentType("application/json")
                        .extract()
                        .asString());
        assertThat(YAML.readTree(served)).as("the YAML and JSON forms").isEqualTo(json);
        assertThat(given().get("/q/openapi.yaml").asString()).isEqualTo(served);
    }

    @Test
    void specIsOpenApi303() throws Exception {
        JsonNode spec = YAML.readTree(Files.readString(SPEC));
        assertThat(spec.path("openapi").asText()).isEqualTo("3.0.3");
    }

    @Test
    void everyOperationHasIdSummaryTagAccessRulesAndProblemErrors() throws Exception {
        JsonNode spec = YAML.readTree(Files.readString(SPEC));
        List<String> missing = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                if (o.path("operationId").asText().isEmpty()) {
                    missing.add(where + ": operationId");
                }
                if (o.path("summary").asText().isEmpty()) {
                    missing.add(where + ": summary");
                }
                if (o.path("tags").isEmpty()) {
                    missing.add(where + ": tag");
                }
                JsonNode roles = o.path("x-roles");
                if (!roles.isArray()) {
                    missing.add(where + ": x-roles");
                } else if (!security(o).equals(roles.isEmpty() ? "[{},{\"bearer\":[]}]" : "[{\"bearer\":[]}]")
                        || roles.isEmpty() == o.path("responses").has("403")) {
                    missing.add(where + ": optional bearer security on public operations, required bearer security"
                            + " and 403 exactly when roles are needed");
                }
                if (!o.path("responses").has("401")) {
                    missing.add(where + ": 401");
                }
                if (!o.path("responses").has("500")) {
                    missing.add(where + ": 500");
                }
                if (o.has("requestBody")
                        && o.path("requestBody")
                                .path("content")
                                .findValues("examples")
                                .isEmpty()) {
                    missing.add(where + ": request example");
                }
                Iterator<Map.Entry<String, JsonNode>> responses =
                        o.path("responses").fields();
                while (responses.hasNext()) {
                    Map.Entry<String, JsonNode> r = responses.next();
                    if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                        String ref = r.getValue().path("$ref").asText();
                        JsonNode resolved = ref.isEmpty() ? r.getValue() : spec.at(ref.substring(1));
                        String schema = resolved.path("content")
                                .path("application/problem+json")
                                .path("schema")
                                .path("$ref")
                                .asText();
                        if (!schema.equals("#/components/schemas/Problem")) {
                            missing.add(where + ": " + r.getKey() + " is not a Problem");
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void requestSchemasDeclareNoDefaultsThatAGeneratedClientWouldSend() throws Exception {
        JsonNode schemas =
                YAML.readTree(Files.readString(SPEC)).path("components").path("schemas");
        List<String> defaults = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> {
            if (schema.getKey().matches(".*(Write|Patch|Create|Change|Reset|Request)$")) {
                schema.getValue().path("properties").fields().forEachRemaining(property -> {
                    if (property.getValue().has("default")) {
                        defaults.add(schema.getKey() + "." + property.getKey());
                    }
                });
            }
        });
        assertThat(defaults).as("request properties with a default").isEmpty();
    }

    @Test
    void nullableReferencesPointToTheirNamedSchemaInsteadOfACopy() throws Exception {
        JsonNode schemas =
                YAML.readTree(Files.readString(SPEC)).path("components").path("schemas");
        List<String> copies = new ArrayList<>();
        schemas.fields()
                .forEachRemaining(schema -> schema.getValue()
                        .path("properties")
                        .fields()
                        .forEachRemaining(property -> {
                            JsonNode p = property.getValue();
                            if (p.has("properties")
                                    || (p.has("allOf")
                                            && (p.get("allOf").size() != 1
                                                    || !p.get("allOf").get(0).has("$ref")))) {
                                copies.add(schema.getKey() + "." + property.getKey());
                            }
                        }));
        assertThat(copies).as("inline object copies or composite schemas").isEmpty();
        assertThat(schemas.at("/Post/properties/featuredMedia/allOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/MediaRef");
        assertThat(schemas.at("/Post/properties/featuredMedia/nullable").asBoolean())
                .isTrue();
        assertThat(schemas.at("/MediaRef/properties/focalPoint/allOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/FocalPoint");
        assertThat(schemas.at("/Post/properties/author/allOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/AccountRef");
    }

    @Test
    void writeSchemasReferenceTheEnumsTheirValuesComeFrom() throws Exception {
        JsonNode schemas =
                YAML.readTree(Files.readString(SPEC)).path("components").path("schemas");
        Map<String, String> expected = Map.of(
                "PostWrite.status",
                "PostStatus",
                "PostPatch.status",
                "PostStatus",
                "HonoraryCitizenWrite.vote",
                "Vote",
                "AwardWrite.distinction",
                "Distinction",
                "UserCreate.role",
                "AccountRole",
                "UserWrite.role",
                "AccountRole",
                "ApiTokenWrite.role",
                "ApiTokenRole");
        expected.forEach((field, enumSchema) -> {
            String[] at = field.split("\\.");
            JsonNode p = schemas.path(at[0]).path("properties").path(at[1]);
            String ref = p.has("$ref")
                    ? p.get("$ref").asText()
                    : p.at("/allOf/0/$ref").asText();
            assertThat(ref).as(field).isEqualTo("#/components/schemas/" + enumSchema);
        });
    }

    @Test
    void everyComponentSchemaIsReferenced() throws Exception {
        String text = Files.readString(SPEC);
        JsonNode schemas = YAML.readTree(text).path("components").path("schemas");
        List<String> unused = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (!text.contains("\"#/components/schemas/" + name + "\"")) {
                unused.add(name);
            }
        });
        assertThat(unused).isEmpty();
    }

    @Test
    void valuesThatYaml11LoadersReadAsDatesOrNumbersAreQuoted() throws Exception {
        List<String> unquoted = Files.readAllLines(SPEC).stream()
                .filter(line -> line.matches("\\s*(- |[\\w\"-]+: )\\d{4}-\\d{1,2}-\\d{1,2}.*")
                        || line.matches("\\s*(- |[\\w\"-]+: )[-+]?\\d+(:[0-5]?\\d)+"))
                .toList();
        assertThat(unquoted).isEmpty();
        assertThat(Files.readString(SPEC)).contains("example: \"2025-01-01\"");
    }

    private static String security(JsonNode operation) {
        return operation.path("security").toString();
    }
}
