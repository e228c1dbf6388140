package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/**
 * Runs everything that handles a secret (signing in, failing to, creating accounts and API tokens, changing and
 * resetting passwords, registering a webhook and rotating its secret), then searches the whole captured log and every response for those secrets.
 */
@QuarkusTest
class SecretsNeverLeakTest extends ApiTestSupport {

    static final Path LOG = Path.of("target/test-logs/tribune.log");

    @Test
    void noLogLineOrResponseCarriesAPasswordAHashATokenOrThePrivateKey() throws IOException {
        StringBuilder responses = new StringBuilder();
        String adminToken = signIn("admin", ADMIN_PASSWORD);
        responses.append(anonymousJson()
                .header("X-Forwarded-For", testAddress())
                .body(Map.of("username", "admin", "password", ADMIN_PASSWORD + "x"))
                .post("/api/v1/auth/token")
                .asString());

        String password = "secret de test " + unique();
        String username = "fuite-" + unique();
        String created = as(adminToken)
                .body(Map.of("username", username, "displayName", "Fuite", "role", "author", "password", password))
                .post("/api/v1/users")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        responses.append(created);
        String id = JsonPath.from(created).getString("id");
        String userToken = signIn(username, password);
        String changed = "secret change " + unique();
        responses.append(as(userToken)
                .header("X-Forwarded-For", testAddress())
                .body(Map.of("currentPassword", password, "newPassword", changed))
                .put("/api/v1/users/me/password")
                .asString());
        String reset = "secret remis " + unique();
        responses.append(as(adminToken)
                .body(Map.of("newPassword", reset))
                .put("/api/v1/users/" + id + "/password")
                .asString());
        responses.append(as(adminToken)
                .body(Map.of("username", "x", "displayName", "x", "role", "author", "password", "court"))
                .post("/api/v1/users")
                .asString());
        String apiToken = as(adminToken)
                .body(Map.of("name", "Fuite " + unique(), "role", "editor"))
                .post("/api/v1/api-tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        responses.append(as(apiToken).get("/api/v1/users/me").asString());
        responses.append(
                as(adminToken).queryParam("size", 100).get("/api/v1/users").asString());
        responses.append(
                as(adminToken).queryParam("size", 100).get("/api/v1/api-tokens").asString());

        io.restassured.response.ExtractableResponse<?> hook = as(adminToken)
                .body(Map.of("url", "http://127.0.0.1:9/fuite", "eventTypes", List.of("post.upsert")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract();
        String webhookId = hook.path("webhook.id");
        String webhookSecret = hook.path("secret");
        String rotatedSecret = as(adminToken)
                .post("/api/v1/webhooks/" + webhookId + "/rotate-secret")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        responses.append(as(adminToken).get("/api/v1/webhooks/" + webhookId).asString());
        responses.append(as(adminToken).get("/api/v1/webhooks").asString());
        responses.append(
                as(adminToken).post("/api/v1/webhooks/" + webhookId + "/ping").asString());
        responses.append(as(adminToken)
                .get("/api/v1/webhooks/" + webhookId + "/deliveries")
                .asString());
        as(adminToken).delete("/api/v1/webhooks/" + webhookId).then().statusCode(204);

        String privateKey = Files.readString(Path.of("target/test-data/keys/jwt-signing-key.pem"))
                .split("-----")[2]
                .strip()
                .split("\n")[1];
        String log = Files.readString(LOG);
        List<String> secrets = List.of(
                ADMIN_PASSWORD,
                password,
                changed,
                reset,
                apiToken,
                apiToken.substring(ApiTokenService.PREFIX.length()),
                adminToken,
                userToken,
                token(Roles.EDITOR),
                privateKey,
                webhookSecret,
                webhookSecret.substring("whsec_".length()),
                rotatedSecret,
                "$2a$",
                "PRIVATE KEY");
        assertThat(log).isNotEmpty();
        assertThat(log).as("the log: not even a secret's hint").doesNotContain("whsec_");
        for (String secret : secrets) {
            assertThat(log).as("the log").doesNotContain(secret);
        }
        for (String secret : secrets.subList(0, secrets.size() - 1)) {
            assertThat(responses.toString()).as("the responses").doesNotContain(secret);
        }
    }
}
