package org.tribune.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/**
 * Who may call what, checked against the spec: every operation that the spec says needs a role refuses anonymous
 * callers with 401 and every other role with 403, and lets its own roles through. The table is the spec itself,
 * so a new endpoint is covered the day it is added.
 */
@QuarkusTest
class AccessControlTest extends ApiTestSupport {

    private static final List<String> ROLES = List.of(Roles.READER, Roles.AUTHOR, Roles.EDITOR, Roles.ADMIN);

    record Endpoint(String method, String path, String contentType, List<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> protectedEndpoints() throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(SPEC.toFile());
        List<Arguments> rows = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                List<String> roles = new ArrayList<>();
                op.getValue().get("x-roles").forEach(r -> roles.add(r.asText()));
                if (roles.isEmpty()) {
                    continue;
                }
                JsonNode body = op.getValue().path("requestBody").path("content");
                String contentType =
                        body.isMissingNode() ? null : body.fieldNames().next();
                rows.add(Arguments.of(new Endpoint(
                        op.getKey().toUpperCase(),
                        path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                        contentType,
                        roles)));
            }
        }
        return rows.stream();
    }

    private static Response call(Endpoint e, RequestSpecification request) {
        if (e.contentType() != null && e.contentType().startsWith("multipart/")) {
            request = request.multiPart("alt", "x");
        } else if (e.contentType() != null) {
            request = request.contentType(e.contentType()).body("{}".getBytes(StandardCharsets.UTF_8));
        }
        return request.request(e.method(), e.path());
    }

    private static String tokenOf(String role) {
        return role.equals(Roles.READER) ? readerToken() : token(role);
    }

    private static String reader;

    private static synchronized String readerToken() {
        if (reader == null) {
            reader = as(token(Roles.ADMIN))
                    .body(Map.of("name", "Lecteur " + unique(), "role", "reader"))
                    .post("/api/v1/api-tokens")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("secret");
        }
        return reader;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void anonymousCallersGet401WithABearerChallenge(Endpoint e) {
        call(e, given())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:tribune:problem:unauthorized"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void rolesTheSpecDoesNotListGet403AndListedRolesGetThrough(Endpoint e) {
        for (String role : ROLES) {
            int status = call(e, given().auth().oauth2(tokenOf(role)))
                    .then()
                    .extract()
                    .statusCode();
            if (e.roles().contains(role)) {
                assertThat(status).as("%s as %s", e, role).isNotIn(401, 403);
            } else {
                assertThat(status).as("%s as %s", e, role).isEqualTo(403);
            }
        }
    }

    @Test
    void refusedWritesChangeNothing() {
        String category = createCategory("Intouchable " + unique());
        String post = createPost(Map.of("title", "Intouchable " + unique(), "content", "<p>texte</p>"));
        String categoryEtag =
                given().get("/api/v1/categories/" + category).then().extract().header("ETag");
        String postEtag = given().get("/api/v1/posts/" + post).then().extract().header("ETag");
        TestAccount otherAuthor = newAccount(Roles.AUTHOR);

        for (RequestSpecification who : List.of(
                given(), given().auth().oauth2(readerToken()), given().auth().oauth2(otherAuthor.token()))) {
            who.contentType("application/json")
                    .body(Map.of("title", "Volé", "content", "<p>non</p>"))
                    .put("/api/v1/posts/" + post)
                    .then()
                    .statusCode(Matchers.oneOf(401, 403));
        }
        mergePatchAs(otherAuthor.token())
                .body(Map.of("title", "Volé"))
                .patch("/api/v1/posts/" + post)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(otherAuthor.token())
                .delete("/api/v1/posts/" + post)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(otherAuthor.token())
                .delete("/api/v1/categories/" + category)
                .then()
                .statusCode(403);
        given().delete("/api/v1/categories/" + category).then().statusCode(401);

        given().get("/api/v1/posts/" + post).then().statusCode(200).header("ETag", postEtag);
        given().get("/api/v1/categories/" + category).then().statusCode(200).header("ETag", categoryEtag);
    }

    @Test
    void editorsCannotManageAccountsOrApiTokens() {
        long before = as(token(Roles.ADMIN))
                .get("/api/v1/users")
                .then()
                .extract()
                .jsonPath()
                .getLong("totalItems");

        as(token(Roles.EDITOR))
                .body(Map.of(
                        "username",
                        "intrus-" + unique(),
                        "displayName",
                        "Intrus",
                        "role",
                        "admin",
                        "password",
                        "une longue phrase de passe"))
                .post("/api/v1/users")
                .then()
                .statusCode(403);
        as(token(Roles.EDITOR))
                .body(Map.of("name", "Intrus", "role", "editor"))
                .post("/api/v1/api-tokens")
                .then()
                .statusCode(403);

        as(token(Roles.ADMIN)).get("/api/v1/users").then().body("totalItems", equalTo((int) before));
    }

    @Test
    void authorsWriteTheirOwnPostsOnlyAndEditorsWriteAnyone() {
        TestAccount author = newAccount(Roles.AUTHOR);
        TestAccount other = newAccount(Roles.AUTHOR);
        Response created = as(author.token())
                .body(Map.of("title", "À moi " + unique(), "content", "<p>texte</p>"))
                .post("/api/v1/posts");
        created.then()
                .statusCode(201)
                .body("author.id", equalTo(author.id()))
                .body("author.displayName", equalTo("Compte " + author.username()));
        String post = created.path("id");

        mergePatchAs(author.token())
                .body(Map.of("excerpt", "Le mien"))
                .patch("/api/v1/posts/" + post)
                .then()
                .statusCode(200);
        mergePatchAs(other.token())
                .body(Map.of("excerpt", "Le sien"))
                .patch("/api/v1/posts/" + post)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:tribune:problem:forbidden"));
        mergePatch()
                .body(Map.of("excerpt", "Relu par l'édition"))
                .patch("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .body("author.id", equalTo(author.id()));
        as(other.token()).delete("/api/v1/posts/" + post).then().statusCode(403);
        as(author.token()).delete("/api/v1/posts/" + post).then().statusCode(204);
    }

    @Test
    void theAuthorComesFromTheTokenNeverFromTheBody() {
        TestAccount author = newAccount(Roles.AUTHOR);

        as(author.token())
                .body(Map.of(
                        "title",
                        "Usurpation " + unique(),
                        "content",
                        "<p>x</p>",
                        "author",
                        Map.of("id", UUID.randomUUID().toString())))
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("author"));
    }
}
