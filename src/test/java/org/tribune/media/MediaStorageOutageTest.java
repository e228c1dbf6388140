package org.tribune.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.tribune.ApiTestSupport;

/**
 * The S3 store cannot be reached (here: nothing listens at its address). Every instance shares it, so they stay
 * ready and keep serving what needs no media; what needs the store gets 503 with Retry-After; monitoring sees it
 * at /q/health/well. Needs the SDK's credentials, as the S3 pass of CI sets them (scripts/s3proxy.sh).
 */
@QuarkusTest
@TestProfile(MediaStorageOutageTest.StoreUnreachable.class)
@EnabledIfEnvironmentVariable(named = "TRIBUNE_TEST_S3_ENDPOINT", matches = ".+")
class MediaStorageOutageTest extends ApiTestSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    public static class StoreUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ApiTestSupport.ownInstance(
                    "media_down",
                    RUN,
                    Map.of(
                            "tribune.media.storage", "s3",
                            "tribune.media.s3.bucket", "tribune-unreachable",
                            "tribune.media.s3.endpoint", "http://127.0.0.1:" + closedPort(),
                            "tribune.media.s3.path-style", "true",
                            "tribune.media.s3.create-bucket", "false",
                            "tribune.media.s3.timeout", "1s"));
        }
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anUploadGets503WithRetryAfterAndNothingIsWritten() {
        long before = given().get("/api/v1/media")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("totalItems");
        postImage(320, 200)
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:tribune:problem:unavailable"))
                .body("detail", containsString("The media storage is not available right now"))
                .body(not(containsString("Exception")))
                .body(not(containsString("127.0.0.1")))
                .body(not(containsString("amazon")));
        given().get("/api/v1/media").then().statusCode(200).body("totalItems", equalTo((int) before));
    }

    @Test
    void theInstanceStaysReadyAndServesPostsWhileMonitoringSeesTheStoreDown() {
        given().noFilters()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'media storage' }.data.shared", equalTo("checked at /q/health/well"));
        given().noFilters()
                .get("/q/health/well")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'media storage' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'media storage' }.data.error", equalTo("not reachable"));
        String post =
                createPost(Map.of("title", "Sans photo " + unique(), "content", "<p>x</p>", "status", "published"));
        given().get("/api/v1/posts/" + post).then().statusCode(200);
        given().get("/api/v1/posts").then().statusCode(200).body("items.id", hasItem(post));
    }
}
