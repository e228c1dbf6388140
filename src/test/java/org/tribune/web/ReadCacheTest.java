package org.tribune.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.MovableClock;

/** Anonymous reads come from memory, and are never stale, never private, never another host's. */
@QuarkusTest
class ReadCacheTest extends ApiTestSupport {

    @Inject
    SessionFactory sessionFactory;

    private static String categorySlug(String id) {
        return given().get("/api/v1/categories/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("slug");
    }

    @Test
    void aSecondAnonymousReadIsServedWithoutTheDatabaseAndIsIdenticalToTheFirst() {
        String u = unique();
        String category = createCategory("Cache " + u);
        createPost(Map.of("title", "Gardé " + u, "content", "<p>x</p>", "categories", List.of(category)));
        String url = "/api/v1/posts?size=7&category=" + categorySlug(category);
        Response first = given().get(url).then().statusCode(200).extract().response();

        Statistics stats = sessionFactory.getStatistics();
        Response second = withoutBackgroundJobs(() -> {
            stats.clear();
            Response read = given().get(url).then().statusCode(200).extract().response();
            assertThat(stats.getPrepareStatementCount()).isZero();
            return read;
        });
        assertThat(second.asByteArray()).isEqualTo(first.asByteArray());
        for (String header : List.of("ETag", "Link", "X-Total-Count", "Vary", "Content-Type", "Cache-Control")) {
            assertThat(second.header(header)).as(header).isEqualTo(first.header(header));
        }
    }

    @Test
    void aKeptAnswerServesHeadCompressionAndMetricsAsABuiltOneDoes() {
        String post = createPost(Map.of("title", "Tête " + unique(), "content", "<p>x</p>"));
        String url = "/api/v1/posts/" + post;
        Response built = given().get(url).then().statusCode(200).extract().response();

        Statistics stats = sessionFactory.getStatistics();
        withoutBackgroundJobs(() -> {
            stats.clear();
            given().head(url)
                    .then()
                    .statusCode(200)
                    .header("ETag", built.header("ETag"))
                    .header("Content-Type", built.header("Content-Type"))
                    .header("Content-Length", String.valueOf(built.asByteArray().length))
                    .body(emptyString());
            RestAssuredConfig raw = RestAssuredConfig.config()
                    .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
            given().noFilters()
                    .config(raw)
                    .header("Accept-Encoding", "gzip")
                    .get(url)
                    .then()
                    .statusCode(200)
                    .header("Content-Encoding", "gzip")
                    .header("Vary", containsString("Accept-Encoding"));
            given().get(url).then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
            assertThat(stats.getPrepareStatementCount()).isZero();
            return null;
        });

        given().noFilters()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("uri=\"/api/v1/posts/{id}\""))
                .body(not(containsString("uri=\"/api/v1/posts/" + post)));
    }

    @Test
    void aRenamedCategoryIsSeenByTheNextReadOfThePostsThatEmbedIt() {
        String u = unique();
        String category = createCategory("Avant " + u);
        String post =
                createPost(Map.of("title", "Article " + u, "content", "<p>x</p>", "categories", List.of(category)));
        Response before = given().get("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .extract()
                .response();
        String listUrl = "/api/v1/posts?category=" + categorySlug(category);
        given().get(listUrl).then().body("items[0].categories[0].name", equalTo("Avant " + u));

        mergePatch()
                .body(Map.of("name", "Après " + u))
                .patch("/api/v1/categories/" + category)
                .then()
                .statusCode(200);

        given().header("If-None-Match", before.header("ETag"))
                .get("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .body("categories[0].name", equalTo("Après " + u));
        given().get(listUrl).then().body("items[0].categories[0].name", equalTo("Après " + u));
    }

    @Test
    void aKeptAnswerHonoursIfNoneMatchAndIfModifiedSince() {
        String post = createPost(Map.of("title", "Conditionnel " + unique(), "content", "<p>x</p>"));
        Response first = given().get("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .extract()
                .response();

        given().header("If-None-Match", first.header("ETag"))
                .get("/api/v1/posts/" + post)
                .then()
                .statusCode(304)
                .header("ETag", first.header("ETag"))
                .header("Last-Modified", first.header("Last-Modified"));
        given().header("If-Modified-Since", first.header("Last-Modified"))
                .get("/api/v1/posts/" + post)
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"another\"")
                .get("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .header("ETag", first.header("ETag"));
    }

    @Test
    void aScheduledPostAppearsInListsAndCountsAtItsTimeWithNoWrite() {
        MovableClock clock = MovableClock.install();
        String u = unique();
        String category = createCategory("Programmée " + u);
        String slug = categorySlug(category);
        String post = createPost(Map.of(
                "title",
                "À paraître " + u,
                "content",
                "<p>x</p>",
                "categories",
                List.of(category),
                "status",
                "scheduled",
                "publishedAt",
                Instant.now().plus(Duration.ofHours(1)).toString()));
        given().get("/api/v1/posts?category=" + slug)
                .then()
                .body("items", hasSize(0))
                .header("X-Total-Count", "0");
        given().get("/api/v1/categories/" + category).then().body("postCount", equalTo(0));
        given().get("/api/v1/posts/" + post).then().statusCode(404);

        clock.advance(Duration.ofHours(1).plusSeconds(1));

        given().get("/api/v1/posts?category=" + slug)
                .then()
                .body("items", hasSize(1))
                .header("X-Total-Count", "1");
        given().get("/api/v1/categories/" + category).then().body("postCount", equalTo(1));
        given().get("/api/v1/posts/" + post).then().statusCode(200).body("status", equalTo("published"));
    }

    @Test
    void draftsReachNeitherAnonymousCallersNorOtherCallersThroughTheCache() {
        String u = unique();
        String category = createCategory("Brouillons " + u);
        String draft = createPost(Map.of(
                "title", "Brouillon " + u, "content", "<p>x</p>", "categories", List.of(category), "status", "draft"));
        String url = "/api/v1/posts?category=" + categorySlug(category);

        editor().get(url).then().statusCode(200).body("items", hasSize(1));
        given().get(url).then().statusCode(200).body("items", hasSize(0));
        editor().get(url).then().statusCode(200).body("items[0].id", equalTo(draft));
        editor().get("/api/v1/posts/" + draft).then().statusCode(200);
        given().get("/api/v1/posts/" + draft).then().statusCode(404);
        given().get(url).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anAnswerKeptForOneHostIsNotServedToAnother() {
        createPost(Map.of("title", "Hôte " + unique(), "content", "<p>x</p>"));
        given().header("X-Forwarded-Host", "one.example")
                .get("/api/v1/posts?size=1")
                .then()
                .header("Link", containsString("//one.example"));
        given().header("X-Forwarded-Host", "two.example")
                .get("/api/v1/posts?size=1")
                .then()
                .header("Link", containsString("//two.example"));
    }
}
