package org.tribune.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.MovableClock;
import org.tribune.security.Roles;

/** A client that applies the changes feed page after page holds what a full read returns, and sees each removal. */
@QuarkusTest
class ChangesApiTest extends ApiTestSupport {

    @Inject
    ChangeRetention retention;

    /** The cursor of a client that has synced everything there is now. */
    private static String syncedCursor(String scope, String token) {
        RequestSpecification caller = token == null ? given() : as(token);
        if (scope != null) {
            caller = caller.queryParam("scope", scope);
        }
        return syncChanges(null, caller, item -> {});
    }

    private static Response page(String after, String scope, String token, boolean include) {
        var request = token == null ? given() : as(token);
        request = request.queryParam("limit", ChangesService.MAX_LIMIT);
        if (after != null) {
            request = request.queryParam("after", after);
        }
        if (scope != null) {
            request = request.queryParam("scope", scope);
        }
        if (include) {
            request = request.queryParam("include", "resource");
        }
        return request.get("/api/v1/changes");
    }

    /** The items after {@code cursor} that name {@code id}, as "action version". */
    private static List<String> told(String cursor, String id) {
        List<Map<String, Object>> items =
                page(cursor, null, null, false).then().statusCode(200).extract().path("items");
        List<String> about = new ArrayList<>();
        for (Map<String, Object> item : items) {
            if (id.equals(item.get("id"))) {
                about.add(item.get("action") + " " + item.get("version"));
            }
        }
        return about;
    }

    @Test
    void aClientSeesEachCreateEditAndRemovalOnceAsTheResourceIsNow() {
        String cursor = syncedCursor(null, null);
        String post = createPost(Map.of("title", "Suivi " + unique(), "content", "<p>Premier jet</p>"));
        assertThat(told(cursor, post)).containsExactly("upsert 0");

        cursor = syncedCursor(null, null);
        mergePatch()
                .body(Map.of("title", "Suivi modifié " + unique()))
                .patch("/api/v1/posts/" + post)
                .then()
                .statusCode(200);
        mergePatch()
                .body(Map.of("content", "<p>Second jet</p>"))
                .patch("/api/v1/posts/" + post)
                .then()
                .statusCode(200);
        // Two edits since the cursor: told once, at the version it has now.
        assertThat(told(cursor, post)).containsExactly("upsert 2");

        cursor = syncedCursor(null, null);
        editor().delete("/api/v1/posts/" + post).then().statusCode(204);
        assertThat(told(cursor, post)).containsExactly("remove 3");

        cursor = syncedCursor(null, null);
        editor().post("/api/v1/posts/" + post + "/restore").then().statusCode(200);
        assertThat(told(cursor, post)).containsExactly("upsert 4");

        cursor = syncedCursor(null, null);
        editor().delete("/api/v1/posts/" + post + "?permanent=true").then().statusCode(204);
        assertThat(told(cursor, post)).hasSize(1).first().asString().startsWith("remove");
        // Nothing happened since: the same cursor comes back.
        String last = syncedCursor(null, null);
        assertThat(page(last, null, null, false)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<?>>path("items"))
                .isEmpty();
    }

    @Test
    void aDraftIsARemovalForThePublicAndAnUpsertForAReader() {
        String publicCursor = syncedCursor(null, null);
        String readerToken = token(Roles.EDITOR);
        String allCursor = syncedCursor("all", readerToken);
        String draft = createPost(Map.of("title", "Brouillon " + unique(), "content", "<p>x</p>", "status", "draft"));

        assertThat(told(publicCursor, draft)).containsExactly("remove 0");
        List<Map<String, Object>> items = page(allCursor, "all", readerToken, false)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(items).anySatisfy(item -> {
            assertThat(item.get("id")).isEqualTo(draft);
            assertThat(item.get("action")).isEqualTo("upsert");
        });
    }

    @Test
    void scopeAllNeedsAToken() {
        given().queryParam("scope", "all")
                .get("/api/v1/changes")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }

    @Test
    void aScheduledPostEntersAtItsTimeWithTheCategoryThatCountsItAndNeverBefore() {
        MovableClock clock = MovableClock.install();
        String category = createCategory("Agenda " + unique());
        String cursor = syncedCursor(null, null);
        Instant publishedAt = clock.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String post = createPost(Map.of(
                "title",
                "À paraître " + unique(),
                "content",
                "<p>x</p>",
                "status",
                "scheduled",
                "publishedAt",
                publishedAt.toString(),
                "categories",
                List.of(category)));

        // Before its time, the public is told it is not there (it never had it), and never that it is.
        assertThat(told(cursor, post)).containsExactly("remove 0");
        cursor = syncedCursor(null, null);
        clock.advance(Duration.ofHours(1));
        assertThat(told(cursor, post)).isEmpty();

        clock.advance(Duration.ofHours(2));
        JsonPath due =
                page(cursor, null, null, true).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = due.getList("items");
        assertThat(items)
                .filteredOn(item -> post.equals(item.get("id")))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.get("action")).isEqualTo("upsert");
                    assertThat(Instant.parse((String) item.get("at"))).isEqualTo(publishedAt);
                });
        // Its category's count of public posts moved at the same time.
        assertThat(items)
                .filteredOn(item -> category.equals(item.get("id")))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.get("action")).isEqualTo("upsert");
                    assertThat(((Map<?, ?>) item.get("resource")).get("postCount"))
                            .isEqualTo(1);
                });
        // And only once.
        assertThat(told(due.getString("next"), post)).isEmpty();
    }

    @Test
    void renamingACategoryIsAnUpsertOfEachPostThatShowsItWithItsNewName() {
        String category = createCategory("Avant " + unique());
        String post = createPost(
                Map.of("title", "Classé " + unique(), "content", "<p>x</p>", "categories", List.of(category)));
        String cursor = syncedCursor(null, null);
        String renamed = "Après " + unique();
        mergePatch()
                .body(Map.of("name", renamed))
                .patch("/api/v1/categories/" + category)
                .then()
                .statusCode(200);

        List<Map<String, Object>> items =
                page(cursor, null, null, true).then().statusCode(200).extract().path("items");
        assertThat(items)
                .filteredOn(item -> post.equals(item.get("id")))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.get("action")).isEqualTo("upsert");
                    // The post itself was not written: its version stays.
                    assertThat(item.get("version")).isEqualTo(0);
                    Map<?, ?> resource = (Map<?, ?>) item.get("resource");
                    assertThat(((List<?>) resource.get("categories")))
                            .singleElement()
                            .satisfies(
                                    c -> assertThat(((Map<?, ?>) c).get("name")).isEqualTo(renamed));
                });
    }

    @Test
    void anIncludedResourceIsWhatAReadOfItReturns() {
        String cursor = syncedCursor(null, null);
        String post = createPost(Map.of("title", "Complet " + unique(), "content", "<p>Texte</p>"));
        Map<String, Object> read = given().get("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .extract()
                .path("$");

        List<Map<String, Object>> items =
                page(cursor, null, null, true).then().statusCode(200).extract().path("items");
        assertThat(items)
                .filteredOn(item -> post.equals(item.get("id")))
                .singleElement()
                .satisfies(item -> assertThat(item.get("resource")).isEqualTo(read));
        // Without include, no resource.
        assertThat(page(cursor, null, null, false).then().extract().<List<Map<String, Object>>>path("items"))
                .allSatisfy(item -> assertThat(item).doesNotContainKey("resource"));
    }

    @Test
    void pagesFollowEachOtherWithoutRepeatingOrSkipping() {
        String cursor = syncedCursor(null, null);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createPost(Map.of("title", "Série " + i + " " + unique(), "content", "<p>x</p>")));
        }
        List<String> seen = new ArrayList<>();
        boolean more = true;
        while (more) {
            JsonPath page = given().queryParam("after", cursor)
                    .queryParam("limit", 2)
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next");
            more = page.getBoolean("hasMore");
        }
        assertThat(seen).containsSubsequence(created).doesNotHaveDuplicates();
    }

    @Test
    void aPageReadAgainIsNotModified() {
        String cursor = syncedCursor(null, null);
        createPost(Map.of("title", "Cachée " + unique(), "content", "<p>x</p>"));
        String etag =
                page(cursor, null, null, false).then().statusCode(200).extract().header("ETag");
        given().queryParam("after", cursor)
                .queryParam("limit", ChangesService.MAX_LIMIT)
                .header("If-None-Match", etag)
                .get("/api/v1/changes")
                .then()
                .statusCode(304);
    }

    @Test
    void aMalformedCursorIsRefusedNamingAfter() {
        for (String bad :
                List.of("pas-un-curseur", "%%%", Base64.getUrlEncoder().encodeToString("s1~public".getBytes()))) {
            given().queryParam("after", bad)
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("after"));
        }
    }

    @Test
    void aCursorOfTheOtherScopeIsRefusedNamingAfter() {
        String publicCursor = syncedCursor(null, null);
        as(token(Roles.EDITOR))
                .queryParam("after", publicCursor)
                .queryParam("scope", "all")
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("after"));
    }

    @Test
    void aCursorThisLogNeverIssuedIsGone() {
        String cursor = syncedCursor(null, null);
        // Its fields, as the lists' cursors hold theirs: version, kind, epoch, compactions, entry, time, id.
        String separator = "\u001f";
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(separator);
        String[] otherEpoch = parts.clone();
        otherEpoch[2] = "l" + (Long.parseLong(parts[2].substring(1)) + 7);
        String[] beyondTheHead = parts.clone();
        beyondTheHead[4] = "l" + (Long.parseLong(parts[4].substring(1)) + 1_000_000);
        // From another epoch (the site was restored since), and from beyond the log's head (another site's log).
        for (String[] forged : List.of(otherEpoch, beyondTheHead)) {
            given().queryParam(
                            "after",
                            Base64.getUrlEncoder()
                                    .withoutPadding()
                                    .encodeToString(
                                            String.join(separator, forged).getBytes(StandardCharsets.UTF_8)))
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(410)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:tribune:problem:gone"));
        }
    }

    @Test
    void aListsCursorIsRefusedNamingAfter() {
        createPost(Map.of("title", "Premier " + unique(), "content", "<p>x</p>"));
        createPost(Map.of("title", "Second " + unique(), "content", "<p>x</p>"));
        String listCursor = given().get("/api/v1/posts?size=1").then().extract().path("next");
        assertThat(listCursor).isNotNull();
        given().queryParam("after", listCursor)
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("after"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("list's cursor")));
    }

    @Test
    void compactionKeepsWhatASyncFromTheStartNeedsAndEndsCursorsThatCouldMissARemoval() {
        MovableClock clock = MovableClock.install();
        String kept = createPost(Map.of("title", "Gardé " + unique(), "content", "<p>1</p>"));
        mergePatch()
                .body(Map.of("content", "<p>2</p>"))
                .patch("/api/v1/posts/" + kept)
                .then()
                .statusCode(200);
        mergePatch()
                .body(Map.of("content", "<p>3</p>"))
                .patch("/api/v1/posts/" + kept)
                .then()
                .statusCode(200);
        String removed = createPost(Map.of("title", "Effacé " + unique(), "content", "<p>x</p>"));
        String beforeRemoval = syncedCursor(null, null);
        editor().delete("/api/v1/posts/" + removed + "?permanent=true").then().statusCode(204);
        String afterRemoval = syncedCursor(null, null);

        clock.advance(Duration.ofDays(31));
        assertThat(retention.compact()).isPositive();

        // It may have missed the removal, which is gone from the log: it must start again.
        given().queryParam("after", beforeRemoval)
                .get("/api/v1/changes")
                .then()
                .statusCode(410)
                .body("type", equalTo("urn:tribune:problem:gone"));
        // It had read past it: nothing was lost for it.
        page(afterRemoval, null, null, false).then().statusCode(200);

        List<String> fromTheStart = new ArrayList<>();
        syncChanges(null, given(), item -> {
            if (kept.equals(item.get("id")) || removed.equals(item.get("id"))) {
                fromTheStart.add(item.get("id") + " " + item.get("action") + " " + item.get("version"));
            }
        });
        // Its earlier changes were superseded and dropped; the removal of what is gone was dropped too.
        assertThat(fromTheStart).containsExactly(kept + " upsert 2");
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        for (Map.Entry<String, String> bad : Map.of("limit", "0", "include", "everything", "scope", "private")
                .entrySet()) {
            given().queryParam(bad.getKey(), bad.getValue())
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem(bad.getKey()));
        }
        given().queryParam("limit", ChangesService.MAX_LIMIT + 1)
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("limit"));
    }
}
