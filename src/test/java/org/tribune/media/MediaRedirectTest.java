package org.tribune.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.tribune.ApiTestSupport;

/**
 * With {@code serving=redirect}, the file endpoint sends clients to a presigned URL of the S3 store, which serves
 * the same bytes with the same type and caching. Runs where CI's S3 server is (scripts/s3proxy.sh).
 */
@QuarkusTest
@TestProfile(MediaRedirectTest.Redirecting.class)
@EnabledIfEnvironmentVariable(named = "TRIBUNE_TEST_S3_ENDPOINT", matches = ".+")
class MediaRedirectTest extends ApiTestSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static class Redirecting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ApiTestSupport.ownInstance(
                    "media_redirect",
                    RUN,
                    Map.of(
                            "tribune.media.storage", "s3",
                            "tribune.media.s3.bucket", "tribune-test",
                            "tribune.media.s3.endpoint", endpoint(),
                            "tribune.media.s3.path-style", "true",
                            "tribune.media.s3.create-bucket", "true",
                            "tribune.media.serving", "redirect",
                            "tribune.media.redirect-lifetime", "10m"));
        }
    }

    /** Quarkus reads the profile while it discovers tests, even those the missing variable disables. */
    static String endpoint() {
        return Objects.requireNonNullElse(System.getenv("TRIBUNE_TEST_S3_ENDPOINT"), "http://127.0.0.1:9");
    }

    @Test
    void aVersionedFileUrlRedirectsToAPresignedUrlThatServesTheSameBytesCachedAsImmutable() throws Exception {
        String id = uploadImage();
        JsonPath media = given().get("/api/v1/media/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String location = given().redirects()
                .follow(false)
                .get(media.getString("url"))
                .then()
                .statusCode(307)
                .header("Cache-Control", "public, max-age=300")
                .header("Location", startsWith(endpoint() + "/tribune-test/"))
                .extract()
                .header("Location");

        HttpResponse<byte[]> file = HTTP.send(
                HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(file.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body())))
                .isEqualTo(media.getString("checksum"));

        HttpResponse<byte[]> range = HTTP.send(
                HttpRequest.newBuilder(URI.create(location))
                        .header("Range", "bytes=0-9")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(10);
    }

    @Test
    void aRenditionWithoutItsVersionRedirectsWithoutBeingCachedAndItsBytesAreRevalidated() throws Exception {
        String id = uploadImage();
        String location = given().redirects()
                .follow(false)
                .get("/api/v1/media/" + id + "/file?width=320&format=webp")
                .then()
                .statusCode(307)
                .header("Cache-Control", "public, no-cache")
                .extract()
                .header("Location");
        HttpResponse<byte[]> file = HTTP.send(
                HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("image/webp");
        assertThat(file.headers().firstValue("Cache-Control")).contains("public, no-cache");
    }

    @Test
    void missingFilesAndBadParametersAreAnsweredByTheApiNotRedirected() {
        given().redirects()
                .follow(false)
                .get("/api/v1/media/" + UUID.randomUUID() + "/file")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        String id = uploadImage();
        given().redirects()
                .follow(false)
                .get("/api/v1/media/" + id + "/file?width=333")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().redirects()
                .follow(false)
                .get("/api/v1/media/" + id + "/file?size=huge")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }
}
