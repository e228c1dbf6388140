package org.tribune.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.MovableClock;
import org.tribune.security.Roles;

@QuarkusTest
class ApiTokenApiTest extends ApiTestSupport {

    private static Response create(String adminToken, Map<String, ?> body) {
        return as(adminToken).body(body).post("/api/v1/api-tokens");
    }

    @Test
    void theSecretIsShownOnceAtCreationAndNeverListed() {
        String name = "Générateur " + unique();
        Response created = create(token(Roles.ADMIN), Map.of("name", name, "role", "reader"));

        created.then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("secret", startsWith("trb_"))
                .body("role", equalTo("reader"))
                .body("expiresAt", nullValue())
                .body("lastUsedAt", nullValue())
                .body("createdBy.displayName", notNullValue());
        String secret = created.path("secret");
        String id = created.path("id");
        assertThat(secret).hasSizeGreaterThan(40);
        assertThat((String) created.path("hint")).isEqualTo(secret.substring(0, 8));

        String one = as(token(Roles.ADMIN))
                .get("/api/v1/api-tokens/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String list = as(token(Roles.ADMIN))
                .queryParam("size", 100)
                .get("/api/v1/api-tokens")
                .then()
                .statusCode(200)
                .body("items.name", hasItem(name))
                .extract()
                .asString();
        assertThat(one + list).doesNotContain(secret.substring(8));
    }

    @Test
    void aReaderTokenReadsButWritesNothing() {
        String secret = create(token(Roles.ADMIN), Map.of("name", "Lecture " + unique(), "role", "reader"))
                .then()
                .extract()
                .path("secret");

        as(secret).get("/api/v1/posts").then().statusCode(200);
        as(secret)
                .body(Map.of("title", "Interdit", "content", "<p>non</p>"))
                .post("/api/v1/posts")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tribune:problem:forbidden"));
    }

    @Test
    void anEditorTokenWritesContentInTheNameOfTheAdminWhoCreatedIt() {
        TestAccount admin = newAccount(Roles.ADMIN);
        Response created = create(admin.token(), Map.of("name", "Pipeline " + unique(), "role", "editor"));
        String secret = created.path("secret");

        as(secret)
                .body(Map.of("title", "Publié par le pipeline " + unique(), "content", "<p>texte</p>"))
                .post("/api/v1/posts")
                .then()
                .statusCode(201)
                .body("author.id", equalTo(admin.id()));
        as(secret)
                .body(Map.of("name", "Catégorie pipeline " + unique()))
                .post("/api/v1/categories")
                .then()
                .statusCode(201);
        as(secret).get("/api/v1/users").then().statusCode(403);
        as(secret)
                .body(Map.of("name", "Escalade", "role", "editor"))
                .post("/api/v1/api-tokens")
                .then()
                .statusCode(403);

        as(admin.token())
                .get("/api/v1/api-tokens/" + created.path("id"))
                .then()
                .statusCode(200)
                .body("lastUsedAt", notNullValue());
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        Response created = create(token(Roles.ADMIN), Map.of("name", "Révoquée " + unique(), "role", "editor"));
        String secret = created.path("secret");
        as(secret)
                .body(Map.of("name", "Avant " + unique()))
                .post("/api/v1/categories")
                .then()
                .statusCode(201);

        as(token(Roles.ADMIN))
                .delete("/api/v1/api-tokens/" + created.path("id"))
                .then()
                .statusCode(204);

        as(secret)
                .body(Map.of("name", "Après " + unique()))
                .post("/api/v1/categories")
                .then()
                .statusCode(401);
        given().auth().oauth2(secret).get("/api/v1/posts").then().statusCode(401);
        as(token(Roles.ADMIN))
                .delete("/api/v1/api-tokens/" + created.path("id"))
                .then()
                .statusCode(404);
    }

    @Test
    void anExpiredTokenStopsWorking() {
        MovableClock clock = MovableClock.install();
        String secret = create(
                        token(Roles.ADMIN),
                        Map.of(
                                "name",
                                "Éphémère " + unique(),
                                "role",
                                "reader",
                                "expiresAt",
                                clock.now().plus(Duration.ofHours(1)).toString()))
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        as(secret).get("/api/v1/posts").then().statusCode(200);

        clock.advance(Duration.ofHours(1).plusSeconds(1));

        as(secret).get("/api/v1/posts").then().statusCode(401);
    }

    @Test
    void anExpiryInThePastOrAnUnknownRoleGets400() {
        create(token(Roles.ADMIN), Map.of("name", "Passée", "role", "reader", "expiresAt", "2020-01-01T00:00:00Z"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("expiresAt"));
        create(token(Roles.ADMIN), Map.of("name", "Admin", "role", "admin"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
    }

    @Test
    void aTokenStopsWorkingWhenTheAdminWhoCreatedItIsDeactivated() {
        TestAccount admin = newAccount(Roles.ADMIN);
        String secret = create(admin.token(), Map.of("name", "Orpheline " + unique(), "role", "editor"))
                .then()
                .extract()
                .path("secret");

        mergePatchAs(token(Roles.ADMIN))
                .body(Map.of("active", false))
                .patch("/api/v1/users/" + admin.id())
                .then()
                .statusCode(200);

        as(secret).get("/api/v1/posts").then().statusCode(401);
    }
}
