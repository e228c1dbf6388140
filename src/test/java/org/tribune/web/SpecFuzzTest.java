package org.tribune.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/**
 * Requests generated from openapi.yaml with a fixed seed: every operation, as anonymous, reader, author, editor and
 * admin, with valid parameters and with each parameter, body property and If-Match mutated. It passes only with no
 * 5xx, every 4xx a problem+json whose status is the response's, and the data exactly as before.
 *
 * <p>So that "the data untouched" is a property of the server and not luck, no generated request can be a valid
 * change: writes by a role that may write carry a body that cannot be valid (a property of the wrong type, an
 * unknown property, broken JSON), a stale If-Match, or an id that does not exist.
 */
@QuarkusTest
class SpecFuzzTest extends ApiTestSupport {

    private static final long SEED = 20261128L;
    private static final List<String> SNAPSHOT = List.of(
            "/api/v1/posts",
            "/api/v1/categories",
            "/api/v1/media",
            "/api/v1/honorary-citizens",
            "/api/v1/prizes",
            "/api/v1/awards",
            "/api/v1/users",
            "/api/v1/trash/posts");
    private static final String[] NASTY = {
        "",
        "-1",
        "0",
        "99999999999999999999",
        "abc",
        "ñ€𝄞",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "2025-13-45",
        "null",
        "[]",
        "{}",
        "../../etc/passwd",
        "a".repeat(400),
        " "
    };

    private final Random random = new Random(SEED);
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> known = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int sent;
    private JsonNode spec;

    @Test
    void thousandsOfGeneratedRequestsGetNo5xxOnlyProblemsAndChangeNothing() throws Exception {
        seedResources();
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("anonymous", null);
        roles.put("reader", readerToken());
        roles.put("author", token(Roles.AUTHOR));
        roles.put("editor", token(Roles.EDITOR));
        roles.put("admin", token(Roles.ADMIN));
        Map<String, String> before = snapshot();

        spec = new YAMLMapper().readTree(Files.readString(SPEC));
        JsonNode paths = spec.path("paths");
        paths.fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    String method = op.getKey().toUpperCase();
                    for (Map.Entry<String, String> role : roles.entrySet()) {
                        boolean mayWrite = op.getValue().path("x-roles").isEmpty()
                                || contains(op.getValue().path("x-roles"), role.getKey());
                        fuzz(path.getKey(), method, op.getValue(), role.getKey(), role.getValue(), mayWrite);
                    }
                }));

        assertThat(failures).as("failures among %d requests", sent).isEmpty();
        assertThat(sent).isGreaterThan(2_000);
        assertThat(snapshot()).as("the data after the fuzzing").isEqualTo(before);
    }

    private void fuzz(String template, String method, JsonNode op, String role, String bearer, boolean authorized) {
        boolean write = !method.equals("GET");
        if (skipped(template, method, role)) {
            return;
        }
        int rounds = write ? 6 : 10;
        for (int round = 0; round < rounds; round++) {
            RequestSpecification request = given().noFilters().header("X-Forwarded-For", testAddress());
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            // Without If-Match to refuse it, a write by a role that may write only ever names an id that does not
            // exist.
            boolean unknownId = write && authorized && (round % 3 == 0 || !hasIfMatch(op));
            String url = fillPath(template, round == 1 ? "mutate" : unknownId ? "unknown" : "known");
            for (JsonNode p : op.path("parameters")) {
                if (p.path("in").asText().equals("query") && random.nextInt(3) > 0) {
                    request.queryParam(p.path("name").asText(), round >= 2 ? nasty() : validValue(p.path("schema")));
                }
            }
            if (write) {
                request.header("If-Match", round % 2 == 0 ? "\"fuzz-" + random.nextInt(1_000) + "\"" : "W/\"x\"");
                JsonNode content = op.path("requestBody").path("content");
                if (content.has("multipart/form-data")) {
                    byte[] noise = new byte[random.nextInt(400)];
                    random.nextBytes(noise);
                    request.contentType("multipart/form-data; boundary=fuzz").body(noise);
                } else if (content.has("application/zip")) {
                    byte[] noise = new byte[random.nextInt(400)];
                    random.nextBytes(noise);
                    request.contentType("application/zip").body(noise);
                } else if (content.size() > 0) {
                    String type = content.fieldNames().next();
                    request.contentType(type)
                            .body(invalidBody(op, content.path(type).path("schema")));
                }
            }
            check(method, url, role, request.request(method, url));
        }
    }

    /** Sign-in and password operations count failures per account: fuzzing them as a real account would lock it. */
    private static boolean skipped(String template, String method, String role) {
        return (template.endsWith("/password") && !role.equals("anonymous"))
                || (template.equals("/api/v1/auth/token") && !method.equals("POST"));
    }

    private void check(String method, String url, String role, Response response) {
        sent++;
        int status = response.statusCode();
        String where = method + " " + url.substring(0, Math.min(url.length(), 120)) + " as " + role + " → " + status;
        if (status >= 500) {
            failures.add(where + ": " + response.asString());
            return;
        }
        if (status >= 400) {
            String type = response.contentType();
            if (type == null || !type.startsWith(ProblemMappers.PROBLEM_JSON)) {
                failures.add(where + ": not problem+json but " + type);
                return;
            }
            JsonNode problem = read(response.asString());
            if (problem == null
                    || problem.path("status").asInt() != status
                    || problem.path("type").asText().isEmpty()) {
                failures.add(where + ": malformed problem " + response.asString());
            }
        }
    }

    private String fillPath(String template, String mode) {
        String url = template;
        for (String name : List.of("id", "slug", "revisionId", "deliveryId", "format", "tag", "part")) {
            String token = "{" + name + "}";
            if (!url.contains(token)) {
                continue;
            }
            String value = switch (mode) {
                case "mutate" ->
                    URLEncoder.encode(nasty(), StandardCharsets.UTF_8).replace("+", "%20");
                case "unknown" -> UUID.randomUUID().toString();
                default ->
                    switch (name) {
                        case "revisionId", "deliveryId", "part" -> "1";
                        case "format" -> "json";
                        case "tag" -> "liberte";
                        default ->
                            known.getOrDefault(
                                    resourceOf(template) + "." + name,
                                    UUID.randomUUID().toString());
                    };
            };
            url = url.replace(token, value.isEmpty() ? "%20" : value);
        }
        return url;
    }

    private static String resourceOf(String template) {
        String[] segments = template.split("/");
        return segments.length > 3 ? segments[3] : "";
    }

    /** A body no service may accept: broken JSON, a non-object, an unknown property, or a property of the wrong type. */
    private String invalidBody(JsonNode op, JsonNode schema) {
        JsonNode resolved = resolve(schema);
        List<String> properties = new ArrayList<>();
        resolved.path("properties").fieldNames().forEachRemaining(properties::add);
        return switch (random.nextInt(5)) {
            case 0 -> "{\"title\": ";
            case 1 -> random.nextBoolean() ? "[]" : "\"" + nasty().replace("\"", "") + "\"";
            case 2 -> "{\"fuzz" + random.nextInt(100) + "\": " + (random.nextBoolean() ? "1" : "\"x\"") + "}";
            default -> {
                if (properties.isEmpty()) {
                    yield "{\"unknown\": true}";
                }
                String name = properties.get(random.nextInt(properties.size()));
                JsonNode property = resolve(resolved.path("properties").path(name));
                yield "{\"" + name + "\": " + wrongType(property) + "}";
            }
        };
    }

    private String wrongType(JsonNode schema) {
        String type = schema.path("type").asText(schema.has("enum") ? "string" : "object");
        return switch (type) {
            case "string" ->
                schema.has("enum") || schema.has("format") || schema.has("pattern")
                        ? (random.nextBoolean() ? "{\"a\": 1}" : "[1, 2]")
                        : "{\"a\": 1}";
            case "integer", "number" -> random.nextBoolean() ? "\"12\"" : "{\"a\": 1}";
            case "boolean" -> "\"yes\"";
            case "array" -> random.nextBoolean() ? "\"not an array\"" : "{\"a\": 1}";
            default -> random.nextBoolean() ? "\"not an object\"" : "[1]";
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5; i++) {
            String ref = s.has("$ref")
                    ? s.get("$ref").asText()
                    : s.at("/allOf/0/$ref").asText(null);
            if (ref == null) {
                return s;
            }
            s = spec.at(ref.substring(1));
        }
        return s;
    }

    private String validValue(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum")
                    .get(random.nextInt(schema.get("enum").size()))
                    .asText();
        }
        return switch (schema.path("type").asText()) {
            case "integer" -> String.valueOf(1 + random.nextInt(3));
            case "boolean" -> String.valueOf(random.nextBoolean());
            default -> schema.path("format").asText().equals("date") ? "2025-01-01" : "droits";
        };
    }

    private String nasty() {
        return NASTY[random.nextInt(NASTY.length)];
    }

    private static boolean hasIfMatch(JsonNode op) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("name").asText().equals("If-Match")) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private void seedResources() {
        String u = unique();
        String category = createCategory("Fuzz " + u);
        known.put("categories.id", category);
        known.put("categories.slug", "fuzz-" + u.toLowerCase());
        String media = uploadImage();
        known.put("media.id", media);
        Response post = json().body(Map.of(
                        "title",
                        "Fuzz " + u,
                        "content",
                        "<p>x</p>",
                        "categories",
                        List.of(category),
                        "featuredMedia",
                        media))
                .post("/api/v1/posts");
        known.put("posts.id", post.path("id"));
        known.put("posts.slug", post.path("slug"));
        Response citizen = json().body(Map.of("name", "Fuzz " + u, "description", "x", "conferredOn", "2024-01-01"))
                .post("/api/v1/honorary-citizens");
        known.put("honorary-citizens.id", citizen.path("id"));
        known.put("honorary-citizens.slug", citizen.path("slug"));
        Response prize = json().body(Map.of("name", "Fuzz " + u)).post("/api/v1/prizes");
        known.put("prizes.id", prize.path("id"));
        known.put("prizes.slug", prize.path("slug"));
        known.put(
                "awards.id",
                json().body(Map.of(
                                "prize",
                                prize.path("id"),
                                "year",
                                2025,
                                "category",
                                "Prix",
                                "distinction",
                                "laureate",
                                "recipientName",
                                "Fuzz " + u))
                        .post("/api/v1/awards")
                        .path("id"));
        known.put("users.id", newAccount(Roles.AUTHOR).id());
        known.put(
                "api-tokens.id",
                as(token(Roles.ADMIN))
                        .body(Map.of("name", "Fuzz " + u, "role", "editor"))
                        .post("/api/v1/api-tokens")
                        .path("id"));
    }

    private static String readerToken() {
        return as(token(Roles.ADMIN))
                .body(Map.of("name", "Fuzz reader " + unique(), "role", "reader"))
                .post("/api/v1/api-tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    /** Every item of every collection, as the admin sees them (drafts included), by its representation. */
    private static Map<String, String> snapshot() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String collection : SNAPSHOT) {
            int page = 1;
            int pages;
            do {
                Response r = as(token(Roles.ADMIN))
                        .queryParam("size", 100)
                        .queryParam("page", page)
                        .get(collection);
                r.then().statusCode(200);
                state.put(collection + "?page=" + page, r.asString());
                pages = r.path("totalPages");
                page++;
            } while (page <= pages);
        }
        return state;
    }
}
