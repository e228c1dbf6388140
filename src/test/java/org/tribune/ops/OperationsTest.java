package org.tribune.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

/** Health and Prometheus metrics, for operators and load balancers. */
@QuarkusTest
class OperationsTest extends ApiTestSupport {

    @Test
    void behindAProxyLinksAndLocationsUseTheForwardedSchemeAndHost() {
        String category = "Mandataire " + unique();
        json().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "cms.example.org")
                .body(Map.of("name", category))
                .post("/api/v1/categories")
                .then()
                .statusCode(201)
                .header("Location", startsWith("https://cms.example.org/api/v1/categories/"));
        given().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "cms.example.org")
                .queryParam("size", 1)
                .get("/api/v1/categories")
                .then()
                .statusCode(200)
                .header("Link", containsString("<https://cms.example.org/api/v1/categories?"));
    }

    @Test
    void livenessAndReadinessCoverTheDatabaseAndMediaStorage() {
        given().noFilters().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().noFilters()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("media storage"))
                .body("checks.name", hasItem("database"));
        given().noFilters()
                .get("/q/health/well")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'media storage' }.status", equalTo("UP"));
    }

    @Test
    void metricsShowRequestTimesPerEndpointTemplateThePoolUploadsAndSignInFailures() {
        String id = createPost(Map.of("title", "Mesurée " + unique(), "content", "<p>x</p>"));
        given().get("/api/v1/posts/" + id).then().statusCode(200);
        uploadImage();
        anonymousJson()
                .header("X-Forwarded-For", testAddress())
                .body(Map.of("username", "personne", "password", "mauvais mot"))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(401);

        given().noFilters()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("uri=\"/api/v1/posts/{id}\""))
                .body(Matchers.not(containsString("uri=\"/api/v1/posts/" + id)))
                .body(containsString("agroal_active_count"))
                .body(containsString("tribune_media_uploads_total{outcome=\"stored\""))
                .body(containsString("tribune_auth_sign_in_failures_total"));
    }

    @Test
    void everyResponseCarriesARequestIdThatTheLogLinesOfTheRequestCarryToo() throws Exception {
        given().get("/api/v1/posts").then().header("X-Request-Id", Matchers.matchesPattern("[0-9a-f-]{36}"));
        String id = "essai-" + unique();
        given().header("X-Request-Id", "<script>")
                .get("/api/v1/posts")
                .then()
                .header("X-Request-Id", Matchers.not(equalTo("<script>")));

        anonymousJson()
                .header("X-Request-Id", id)
                .header("X-Forwarded-For", testAddress())
                .body(Map.of("username", "personne", "password", "mauvais mot"))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(401)
                .header("X-Request-Id", id);

        String log = Files.readString(Path.of("target/test-logs/tribune.log"));
        Assertions.assertThat(log.lines().filter(l -> l.contains("[" + id + "]")))
                .anyMatch(l -> l.contains("Failed sign-in from"));
    }
}
