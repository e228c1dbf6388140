package org.tribune.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/**
 * Requests that are broken below the JSON level: multipart bodies that do not parse, bad percent-encoding,
 * control characters in headers, very long request lines. Sent as raw bytes where a client library would refuse.
 */
@QuarkusTest
class MalformedRequestsTest extends ApiTestSupport {

    private static int mediaCount() {
        return editor().get("/api/v1/media").then().statusCode(200).extract().path("totalItems");
    }

    private static void uploadGets400NamingFile(byte[] body, String boundary) {
        given().noFilters()
                .header("Authorization", "Bearer " + token(Roles.EDITOR))
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(body)
                .post("/api/v1/media")
                .then()
                .statusCode(400)
                .contentType(ProblemMappers.PROBLEM_JSON)
                .body("type", equalTo("urn:tribune:problem:validation"))
                .body("errors[0].field", equalTo("file"));
    }

    @Test
    void malformedMultipartUploadsGet400NamingFileAndStoreNothing() {
        int before = mediaCount();
        uploadGets400NamingFile(new byte[0], "X");
        uploadGets400NamingFile("--X\r\nContent-Disposition: form-da".getBytes(StandardCharsets.US_ASCII), "X");
        uploadGets400NamingFile(
                ("--Y\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                                + "Content-Type: image/png\r\n\r\nabc\r\n--Y--\r\n")
                        .getBytes(StandardCharsets.US_ASCII),
                "X");
        byte[] noise = new byte[300];
        new Random(12).nextBytes(noise);
        uploadGets400NamingFile(noise, "X");
        assertThat(mediaCount()).isEqualTo(before);
    }

    @Test
    void aLongQueryWithinTheRequestLineLimitGets400NamingTheParameter() {
        given().queryParam("q", "a".repeat(9_000))
                .get("/api/v1/posts")
                .then()
                .statusCode(400)
                .contentType(ProblemMappers.PROBLEM_JSON)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void invalidPercentEncodingGets400Problem() throws IOException {
        for (String target :
                new String[] {"/api/v1/posts/%zz%", "/api/v1/posts?%zz=1", "/api/v1/posts?q=%zz", "/api/v1/posts/%"}) {
            String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response)
                    .as(target)
                    .startsWith("HTTP/1.1 400 ")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .containsIgnoringCase("x-content-type-options: nosniff")
                    .contains("\"status\":400", "percent-encoded")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void wellFormedEscapesOfInvalidUtf8AreNoServerError() throws IOException {
        for (String target :
                new String[] {"/api/v1/posts/%ff%fe", "/api/v1/posts?q=%ff%fe", "/api/v1/posts/slug/%c3%28"}) {
            String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response)
                    .as(target)
                    .matches("(?s)HTTP/1\\.1 (200|400|404) .*")
                    .containsIgnoringCase("content-type: application/");
        }
    }

    @Test
    void aUriOver16KiBGets414Problem() throws IOException {
        String response = raw("GET /api/v1/posts?q=" + "a".repeat(17_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response)
                .startsWith("HTTP/1.1 414 ")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":414");
    }

    /*
     * The two answers below (a control character in a header, a request line over 64 KiB) are written by Vert.x
     * before any application code runs, without a body: the tests pin their status, and that nothing leaks. Netty's decoder rejects the request, and Vert.x's default
     * invalid-request handler answers; Quarkus sets no handler of its own and does not expose the server to set one.
     */

    @Test
    void aControlCharacterInAHeaderGets400() throws IOException {
        assertThat(
                        raw(
                                "GET /api/v1/posts HTTP/1.1\r\nHost: localhost\r\nIf-Match: \"a\u007fb\"\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ")
                .doesNotContain("Exception");
    }

    @Test
    void aRequestLineOver64KiBGets414FromVertx() throws IOException {
        String response = raw("GET /api/v1/posts?q=" + "a".repeat(70_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).matches("(?s)HTTP/1\\.[01] 414 .*").doesNotContain("Exception");
    }

    @Test
    void theApiStillAnswersAfterMalformedRequests() throws IOException {
        raw("GET /api/v1/posts/%zz% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        given().get("/api/v1/posts").then().statusCode(200).header("Content-Type", startsWith("application/json"));
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    response.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | SocketException e) {
                // A server that answers and then resets the connection: what it sent is the answer.
            }
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
