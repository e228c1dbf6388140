package org.tribune.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

/** The house conventions of docs/api-conventions.md, checked on both resources. */
@QuarkusTest
class ConventionsTest extends ApiTestSupport {

    private static String fivePosts() {
        String u = unique();
        for (int i = 1; i <= 5; i++) {
            createPost(Map.of(
                    "title",
                    "Page " + i + " " + u,
                    "content",
                    "x",
                    "tags",
                    List.of(u),
                    "publishedAt",
                    "2025-01-0" + i + "T00:00:00Z"));
        }
        return u;
    }

    @Test
    void collectionsArePagedWithTotalsLinkHeaderAndTotalCount() {
        String u = fivePosts();
        Response r = given().queryParam("tag", u)
                .queryParam("size", 2)
                .queryParam("page", 2)
                .get("/api/v1/posts");
        r.then()
                .statusCode(200)
                .header("X-Total-Count", "5")
                .body("page", equalTo(2))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(5))
                .body("totalPages", equalTo(3))
                .body("items", hasSize(2))
                .body("items[0].title", equalTo("Page 3 " + u));
        String link = r.header("Link");
        assertThat(link)
                .contains("page=1>; rel=\"first\"")
                .contains("page=1>; rel=\"prev\"")
                .contains("page=3>; rel=\"next\"")
                .contains("page=3>; rel=\"last\"")
                .contains("tag=" + u)
                .contains("size=2");
    }

    @Test
    void pageLinksKeepTheClientsParametersAsSentAndStartTheirQueryCleanly() {
        String bare = given().get("/api/v1/categories")
                .then()
                .statusCode(200)
                .extract()
                .header("Link");
        assertThat(bare).contains("/api/v1/categories?page=1>; rel=\"first\"").doesNotContain("?&", "&&");
        String encoded = given().urlEncodingEnabled(false)
                .get("/api/v1/posts?q=droits%20humains&page=1&size=2")
                .then()
                .statusCode(200)
                .extract()
                .header("Link");
        assertThat(encoded).contains("/api/v1/posts?q=droits%20humains&size=2&page=1>; rel=\"first\"");
    }

    @Test
    void firstPageHasNoPrevAndLastPageHasNoNext() {
        String u = fivePosts();
        String first = given().queryParam("tag", u)
                .queryParam("size", 5)
                .get("/api/v1/posts")
                .header("Link");
        assertThat(first).contains("rel=\"first\"", "rel=\"last\"").doesNotContain("rel=\"prev\"", "rel=\"next\"");
    }

    @Test
    void defaultPageSizeIs20() {
        given().get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(20));
    }

    @Test
    void pagePastTheLastIsEmpty() {
        String u = fivePosts();
        given().queryParam("tag", u)
                .queryParam("page", 9)
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("totalItems", equalTo(5));
    }

    @Test
    void malformedOrOutOfRangePagingGets400NamingTheParameter() {
        for (String[] bad :
                new String[][] {{"page", "0"}, {"page", "abc"}, {"size", "0"}, {"size", "101"}, {"size", "1.5"}}) {
            given().queryParam(bad[0], bad[1])
                    .get("/api/v1/posts")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[0]));
            given().queryParam(bad[0], bad[1])
                    .get("/api/v1/categories")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo(bad[0]));
        }
    }

    @Test
    void unknownSortFieldGets400() {
        given().queryParam("sort", "-content")
                .get("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"))
                .body("errors[0].message", containsString("publishedAt"));
        given().queryParam("sort", "title,").get("/api/v1/posts").then().statusCode(400);
        given().queryParam("sort", "title,-title").get("/api/v1/posts").then().statusCode(400);
        given().queryParam("sort", "slug").get("/api/v1/categories").then().statusCode(400);
    }

    @Test
    void singleResourceCarriesEtagAndLastModifiedAndAnswers304() {
        String id = createCategory("Cache " + unique());
        Response r = given().get("/api/v1/categories/" + id);
        String etag = r.header("ETag");
        assertThat(etag).startsWith("\"");
        assertThat(r.header("Last-Modified")).endsWith("GMT");
        given().header("If-None-Match", etag)
                .get("/api/v1/categories/" + id)
                .then()
                .statusCode(304)
                .header("ETag", etag);
        given().header("If-None-Match", "W/" + etag)
                .get("/api/v1/categories/" + id)
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"autre\"")
                .get("/api/v1/categories/" + id)
                .then()
                .statusCode(200);
        given().header("If-Modified-Since", r.header("Last-Modified"))
                .get("/api/v1/categories/" + id)
                .then()
                .statusCode(304);
    }

    @Test
    void etagChangesWithEveryChange() {
        String u = unique();
        String id = createPost(Map.of("title", "Version " + u, "content", "x"));
        String v1 = given().get("/api/v1/posts/" + id).header("ETag");
        String v2 = mergePatch()
                .body("{\"title\": \"Version 2 " + u + "\"}")
                .patch("/api/v1/posts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(v2).isNotEqualTo(v1);
        assertThat(given().get("/api/v1/posts/" + id).header("ETag")).isEqualTo(v2);
        given().header("If-None-Match", v1).get("/api/v1/posts/" + id).then().statusCode(200);
    }

    @Test
    void categoryEtagChangesWhenItsPostCountChanges() {
        String u = unique();
        String cat = createCategory("Compte " + u);
        String before = given().get("/api/v1/categories/" + cat).header("ETag");
        createPost(Map.of("title", "Compté " + u, "content", "x", "categories", List.of(cat)));
        given().header("If-None-Match", before)
                .get("/api/v1/categories/" + cat)
                .then()
                .statusCode(200)
                .body("postCount", equalTo(1));
    }

    @Test
    void collectionsAnswer304WithAWeakEtagUntilTheyChange() {
        String u = fivePosts();
        String etag = given().queryParam("tag", u).get("/api/v1/posts").header("ETag");
        assertThat(etag).startsWith("W/\"");
        given().queryParam("tag", u)
                .header("If-None-Match", etag)
                .get("/api/v1/posts")
                .then()
                .statusCode(304);
        createPost(Map.of("title", "Nouveau " + u, "content", "x", "tags", List.of(u)));
        given().queryParam("tag", u)
                .header("If-None-Match", etag)
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(6));
    }

    @Test
    void staleIfMatchGets412OnPutPatchAndDeleteAndChangesNothing() {
        String u = unique();
        String id = createPost(Map.of("title", "Concurrence " + u, "content", "x"));
        String stale = given().get("/api/v1/posts/" + id).header("ETag");
        String current = mergePatch()
                .header("If-Match", stale)
                .body("{\"title\": \"Éditeur A " + u + "\"}")
                .patch("/api/v1/posts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        json().header("If-Match", stale)
                .body(Map.of("title", "Éditeur B " + u, "content", "x"))
                .put("/api/v1/posts/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tribune:problem:precondition-failed"));
        mergePatch()
                .header("If-Match", stale)
                .body("{\"title\": \"Éditeur B " + u + "\"}")
                .patch("/api/v1/posts/" + id)
                .then()
                .statusCode(412);
        editor().header("If-Match", stale).delete("/api/v1/posts/" + id).then().statusCode(412);
        editor().header("If-Match", "W/" + current)
                .delete("/api/v1/posts/" + id)
                .then()
                .statusCode(412);

        given().get("/api/v1/posts/" + id)
                .then()
                .statusCode(200)
                .header("ETag", current)
                .body("title", equalTo("Éditeur A " + u));
        editor().header("If-Match", current)
                .delete("/api/v1/posts/" + id)
                .then()
                .statusCode(204);
    }

    @Test
    void concurrentWritesFromTheSameVersionLetExactlyOneWin() throws Exception {
        String u = unique();
        String id = createPost(Map.of("title", "Course " + u, "content", "x"));
        String etag = given().get("/api/v1/posts/" + id).header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String title = "Éditeur " + i + " " + u;
                results.add(pool.submit(() -> mergePatch()
                        .header("If-Match", etag)
                        .body("{\"title\": \"" + title + "\"}")
                        .patch("/api/v1/posts/" + id)
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void staleIfMatchGets412OnCategoriesToo() {
        String id = createCategory("Catégorie concurrente " + unique());
        json().header("If-Match", "\"ancienne\"")
                .body(Map.of("name", "X " + unique()))
                .put("/api/v1/categories/" + id)
                .then()
                .statusCode(412);
        editor().header("If-Match", "\"ancienne\"")
                .delete("/api/v1/categories/" + id)
                .then()
                .statusCode(412);
        editor().header("If-Match", "*")
                .delete("/api/v1/categories/" + id)
                .then()
                .statusCode(204);
    }

    @Test
    void errorsAreProblemDetailsWithoutInternals() {
        Response r = json().body("{\"title\": ").post("/api/v1/posts");
        r.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tribune:problem:malformed-json"))
                .body("title", notNullValue())
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("instance", equalTo("/api/v1/posts"));
        assertNoInternals(r.asString());
    }

    @Test
    void unknownPropertyGets400NamingIt() {
        Response r = json().body(Map.of("title", "t", "content", "x", "id", "00000000-0000-0000-0000-000000000001"))
                .post("/api/v1/posts");
        r.then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", equalTo("is not a known property"));
        assertNoInternals(r.asString());
    }

    @Test
    void wrongTypesGet400NamingTheField() {
        json().body("{\"title\": 5, \"content\": \"x\"}")
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("title"));
        json().body("{\"title\": \"t\", \"content\": \"x\", \"tags\": \"solo\"}")
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tags"));
        Response r = json().body("{\"title\": \"t\", \"content\": \"x\", \"categories\": [\"pas-un-uuid\"]}")
                .post("/api/v1/posts");
        r.then()
                .statusCode(400)
                .body("errors[0].field", equalTo("categories[0]"))
                .body("errors[0].message", equalTo("must be a UUID string"));
        assertNoInternals(r.asString());
        json().body("{\"title\": \"t\", \"content\": \"x\", \"publishedAt\": \"demain\"}")
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("publishedAt"));
        json().body("[]").post("/api/v1/posts").then().statusCode(400);
        json().body("{\"name\": \"a\", \"name\": \"b\"}")
                .post("/api/v1/categories")
                .then()
                .statusCode(400);
    }

    @Test
    void emptyBodyGets400() {
        json().post("/api/v1/categories").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unsupportedMediaTypeGets415() {
        editor().contentType("text/plain")
                .body("bonjour")
                .post("/api/v1/posts")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void unknownIdGets404AndMalformedIdToo() {
        given().get("/api/v1/posts/00000000-0000-0000-0000-000000000404")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/posts/pas-un-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unsupportedMethodGets405Problem() {
        given().put("/api/v1/posts")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405));
    }

    @Test
    void unacceptableMediaTypeGets406Problem() {
        given().accept("application/xml")
                .get("/api/v1/posts")
                .then()
                .statusCode(406)
                .body("status", equalTo(406));
    }

    @Test
    void unknownPathGets404Problem() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void failedWriteChangesNothing() {
        String u = unique();
        String id = createCategory(Map.of("name", "Intacte " + u, "description", "avant"));
        String etag = given().get("/api/v1/categories/" + id).header("ETag");
        json().body(Map.of(
                        "name",
                        "Intacte " + u,
                        "description",
                        "après",
                        "parent",
                        "00000000-0000-0000-0000-000000000009"))
                .put("/api/v1/categories/" + id)
                .then()
                .statusCode(400);
        given().get("/api/v1/categories/" + id).then().header("ETag", etag).body("description", equalTo("avant"));
    }

    @Test
    void corsLetsConfiguredOriginsReadThePagingAndCachingHeaders() {
        given().header("Origin", "https://front.example.org")
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", notNullValue())
                .header(
                        "Access-Control-Expose-Headers",
                        allOf(
                                containsString("ETag"),
                                containsString("Link"),
                                containsString("X-Total-Count"),
                                containsString("Search-Since"),
                                containsString("Location")));
        given().header("Origin", "https://front.example.org")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "If-Match, Content-Type")
                .options("/api/v1/posts")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Methods", containsString("PATCH"));
    }

    @Test
    void responsesAreGzippedForClientsThatAcceptIt() {
        fivePosts();
        // No spec validation here: the validator cannot read a body it is not allowed to decompress.
        given().noFilters()
                .config(RestAssuredConfig.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip")
                .get("/api/v1/posts?size=100")
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip");
        given().noFilters()
                .config(RestAssuredConfig.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity")
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .header("Content-Encoding", Matchers.nullValue());
    }

    @Test
    void specAndSwaggerUiAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi: 3.0.3"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception", "java.", "com.fasterxml", "org.hibernate", "SELECT", "\tat ");
    }
}
