package org.tribune.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

/** The headers every response carries, and the cache policy of docs/api-conventions.md ("Caching"). */
@QuarkusTest
class ResponseHeadersTest extends ApiTestSupport {

    private static List<String> vary(Response r) {
        return r.headers().getValues("Vary").stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .toList();
    }

    private static void hasNosniffAndACurrentDate(Response r) {
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Instant date = ZonedDateTime.parse(r.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
        assertThat(Duration.between(date, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void everyKindOfResponseCarriesNosniffAndDate() {
        String id = createPost(Map.of("title", "En-têtes " + unique(), "content", "<p>x</p>"));
        Response item = given().get("/api/v1/posts/" + id);
        hasNosniffAndACurrentDate(item);
        hasNosniffAndACurrentDate(given().get("/api/v1/posts"));
        hasNosniffAndACurrentDate(given().get("/api/v1/posts/00000000-0000-0000-0000-000000000000"));
        hasNosniffAndACurrentDate(
                given().header("If-None-Match", item.header("ETag")).get("/api/v1/posts/" + id));
        hasNosniffAndACurrentDate(given().noFilters().get("/api/v1/media/" + uploadImage() + "/file"));
        hasNosniffAndACurrentDate(given().noFilters().get("/q/health/live"));
        hasNosniffAndACurrentDate(given().noFilters().get("/no/such/path"));
    }

    @Test
    void everyResponseVariesOnOriginBecauseCorsAnswersEachOriginWithItself() {
        Response cors = given().header("Origin", "https://front.example.org").get("/api/v1/posts");
        cors.then().statusCode(200).header("Access-Control-Allow-Origin", "https://front.example.org");
        assertThat(vary(cors)).contains("Origin", "Authorization");
        // Without Origin too: a cache must not hand this answer, without CORS headers, to a cross-origin request.
        assertThat(vary(given().get("/api/v1/posts"))).contains("Origin");
    }

    @Test
    void compressibleResponsesVaryOnAcceptEncoding() {
        RestAssuredConfig raw = RestAssuredConfig.config()
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        Response gzipped = given().noFilters()
                .config(raw)
                .header("Accept-Encoding", "gzip")
                .get("/api/v1/posts?size=100");
        gzipped.then().statusCode(200).header("Content-Encoding", "gzip");
        assertThat(vary(gzipped)).contains("Accept-Encoding", "Origin", "Authorization");
        Response problem = given().noFilters()
                .config(raw)
                .header("Accept-Encoding", "gzip")
                .get("/api/v1/posts?page=0");
        assertThat(vary(problem)).contains("Accept-Encoding");
    }

    @Test
    void publicReadsMayBeKeptByAnyCacheButAreRevalidatedEveryTime() {
        String id = createPost(Map.of("title", "Cache public " + unique(), "content", "<p>x</p>"));
        given().get("/api/v1/posts/" + id).then().statusCode(200).header("Cache-Control", "public, no-cache");
        given().get("/api/v1/posts").then().statusCode(200).header("Cache-Control", "public, no-cache");
        String etag = given().get("/api/v1/posts/" + id).header("ETag");
        given().header("If-None-Match", etag)
                .get("/api/v1/posts/" + id)
                .then()
                .statusCode(304)
                .header("Cache-Control", "public, no-cache")
                .header("ETag", etag);
    }

    @Test
    void readsMadeWithATokenAreNeverStoredByASharedCache() {
        String id = createPost(Map.of("title", "Cache privé " + unique(), "content", "<p>x</p>", "status", "draft"));
        Response r = editor().get("/api/v1/posts/" + id);
        r.then().statusCode(200).header("Cache-Control", "private, no-cache");
        assertThat(vary(r)).contains("Authorization");
        editor().get("/api/v1/posts").then().statusCode(200).header("Cache-Control", "private, no-cache");
        editor().header("If-None-Match", r.header("ETag"))
                .get("/api/v1/posts/" + id)
                .then()
                .statusCode(304)
                .header("Cache-Control", "private, no-cache");
    }

    @Test
    void writesAndErrorsAreNeverStored() {
        Response created = json().body(Map.of("title", "Jamais stocké " + unique(), "content", "<p>x</p>"))
                .post("/api/v1/posts");
        created.then().statusCode(201).header("Cache-Control", "no-store");
        mergePatch()
                .body(Map.of("excerpt", "court"))
                .patch("/api/v1/posts/" + created.path("id"))
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store");
        given().get("/api/v1/posts/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .header("Cache-Control", "no-store");
        given().get("/api/v1/posts?size=1000").then().statusCode(400).header("Cache-Control", "no-store");
        anonymousJson()
                .body(Map.of("title", "x", "content", "x"))
                .post("/api/v1/posts")
                .then()
                .statusCode(401)
                .header("Cache-Control", "no-store");
    }

    @Test
    void mediaFilesAreImmutableUnderTheVersionedUrlsTribuneGivesAndRevalidatedWithout() {
        String id = uploadImage();
        String url = given().get("/api/v1/media/" + id).then().extract().path("url");
        assertThat(url).contains("v=");
        given().noFilters()
                .get(url)
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable");
        // A URL without its version, or with an old one, may name other bytes later (a size made again).
        given().noFilters()
                .get("/api/v1/media/" + id + "/file")
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, no-cache");
        given().noFilters()
                .get("/api/v1/media/" + id + "/file?v=000000000000")
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, no-cache");
    }

    @Test
    void theConventionsTheSpecLinksToAreServedByTheInstance() {
        String spec = given().noFilters()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .path("externalDocs.url");
        assertThat(spec).isEqualTo("/docs/api-conventions.md");
        given().noFilters()
                .get(spec)
                .then()
                .statusCode(200)
                .header("Content-Type", containsString("text/"))
                .body(containsString("# API conventions"), containsString("## Caching"));
        given().noFilters()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .body("info.contact.name", notNullValue())
                .body("servers[0].url", equalTo("/"))
                .body("info.license.url", notNullValue());
    }

    @Test
    void swaggerUiOffersTheJsonFormOfTheSpec() {
        given().noFilters().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/q/openapi?format=json"));
    }
}
