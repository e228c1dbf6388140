package org.tribune.post;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribune.ApiTestSupport;
import org.tribune.MovableClock;
import org.tribune.security.Roles;

@QuarkusTest
class WorkflowTest extends ApiTestSupport {

    @Inject
    PostService service;

    MovableClock clock;

    @BeforeEach
    void installClock() {
        clock = MovableClock.install();
    }

    /** A post with a category, a tag, a search word, an honorary citizen and an award, all unique to this test. */
    record Linked(String u, String category, String citizenSlug, String citizen, String award) {
        static Linked create() {
            String u = unique();
            String category = createCategory("Flux " + u);
            String citizen = createCitizen("Citoyen " + u);
            String prize = json().body(Map.of("name", "Prix " + u))
                    .post("/api/v1/prizes")
                    .then()
                    .extract()
                    .path("id");
            String award = json().body(Map.of(
                            "prize",
                            prize,
                            "year",
                            2025,
                            "category",
                            "Prix français",
                            "distinction",
                            "laureate",
                            "recipientName",
                            "R " + u))
                    .post("/api/v1/awards")
                    .then()
                    .extract()
                    .path("id");
            return new Linked(u, category, "citoyen-" + u, citizen, award);
        }

        Map<String, Object> post(String status, Instant publishedAt) {
            Map<String, Object> body = new HashMap<>();
            body.put("title", "Billet " + u);
            body.put("content", "<p>mot" + u + "</p>");
            body.put("categories", List.of(category));
            body.put("tags", List.of(u));
            body.put("honoraryCitizens", List.of(citizen));
            body.put("awards", List.of(award));
            if (status != null) {
                body.put("status", status);
            }
            if (publishedAt != null) {
                body.put("publishedAt", publishedAt.toString());
            }
            return body;
        }
    }

    static Stream<Arguments> hiddenStates() {
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        Consumer<String> trash =
                id -> editor().delete("/api/v1/posts/" + id).then().statusCode(204);
        Consumer<String> none = id -> {};
        return Stream.of(
                Arguments.of("draft", "draft", null, none),
                Arguments.of("scheduled for tomorrow", "scheduled", tomorrow, none),
                Arguments.of("published with a date to come", "published", tomorrow, none),
                Arguments.of("archived", "archived", null, none),
                Arguments.of("in the trash", "published", null, trash));
    }

    /** Every public path, for every state that must stay hidden: an unpublished post looks like no post at all. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hiddenStates")
    void thePublicNeverSeesUnpublishedPostsAnywhere(
            String state, String status, Instant publishedAt, Consumer<String> then) {
        Linked l = Linked.create();
        Response created = json().body(l.post(status, publishedAt)).post("/api/v1/posts");
        created.then().statusCode(201);
        String id = created.path("id");
        String slug = created.path("slug");
        then.accept(id);

        given().get("/api/v1/posts/" + id).then().statusCode(404);
        given().get("/api/v1/posts/slug/" + slug).then().statusCode(404);
        given().queryParam("tag", l.u()).get("/api/v1/posts").then().body("totalItems", equalTo(0));
        given().queryParam("q", "mot" + l.u()).get("/api/v1/posts").then().body("totalItems", equalTo(0));
        given().queryParam("category", "flux-" + l.u())
                .get("/api/v1/posts")
                .then()
                .body("totalItems", equalTo(0));
        given().get("/api/v1/categories/" + l.category()).then().body("postCount", equalTo(0));
        given().get("/api/v1/honorary-citizens/" + l.citizen()).then().body("relatedPosts", hasSize(0));
        given().get("/api/v1/awards/" + l.award()).then().body("relatedPosts", hasSize(0));
        given().queryParam("honoraryCitizen", l.citizenSlug())
                .get("/api/v1/posts")
                .then()
                .body("totalItems", equalTo(0));
        given().queryParam("status", status)
                .queryParam("tag", l.u())
                .get("/api/v1/posts")
                .then()
                .body("totalItems", equalTo(0));

        boolean trashed = state.equals("in the trash");
        editor().get("/api/v1/posts/" + id).then().statusCode(trashed ? 404 : 200);
        editor().queryParam("tag", l.u()).get("/api/v1/posts").then().body("totalItems", equalTo(trashed ? 0 : 1));
    }

    @Test
    void aReaderTokenPreviewsDraftsAndFiltersByStatus() {
        Linked l = Linked.create();
        String draft = json().body(l.post("draft", null))
                .post("/api/v1/posts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String reader = as(token(Roles.ADMIN))
                .body(Map.of("name", "Aperçu " + l.u(), "role", "reader"))
                .post("/api/v1/api-tokens")
                .then()
                .extract()
                .path("secret");

        as(reader).get("/api/v1/posts/" + draft).then().statusCode(200).body("status", equalTo("draft"));
        as(reader)
                .queryParam("status", "draft")
                .queryParam("tag", l.u())
                .get("/api/v1/posts")
                .then()
                .body("items.id", equalTo(List.of(draft)));
        as(reader)
                .queryParam("status", "published")
                .queryParam("tag", l.u())
                .get("/api/v1/posts")
                .then()
                .body("totalItems", equalTo(0));
        given().get("/api/v1/honorary-citizens/" + l.citizen()).then().body("relatedPosts", hasSize(0));
        as(reader)
                .get("/api/v1/honorary-citizens/" + l.citizen())
                .then()
                .body("relatedPosts.id", equalTo(List.of(draft)));
    }

    @Test
    void aScheduledPostWhoseTimeHasComeIsPatchedAsThePublishedPostItReadsAs() {
        Linked l = Linked.create();
        Instant soon = clock.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String id = json().body(l.post("scheduled", soon))
                .post("/api/v1/posts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        clock.advance(Duration.ofHours(2));

        mergePatch()
                .body(Map.of("title", "Relu après parution " + l.u()))
                .patch("/api/v1/posts/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("published"))
                .body("publishedAt", equalTo(soon.toString()));
    }

    @Test
    void aScheduledPostAppearsOnItsOwnWhenItsTimeComes() {
        Linked l = Linked.create();
        Instant tomorrowNine = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String id = json().body(l.post("scheduled", tomorrowNine))
                .post("/api/v1/posts")
                .then()
                .statusCode(201)
                .body("status", equalTo("scheduled"))
                .extract()
                .path("id");
        given().get("/api/v1/posts/" + id).then().statusCode(404);

        clock.advance(Duration.ofDays(2));

        given().get("/api/v1/posts/" + id).then().statusCode(200).body("status", equalTo("published"));
        given().queryParam("tag", l.u()).get("/api/v1/posts").then().body("items.id", equalTo(List.of(id)));
        given().get("/api/v1/categories/" + l.category()).then().body("postCount", equalTo(1));
    }

    @Test
    void schedulingNeedsATimeToCome() {
        json().body(Linked.create().post("scheduled", Instant.now().minus(1, ChronoUnit.HOURS)))
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("publishedAt"));
    }

    @Test
    void authorsWriteDraftsAndOnlyEditorsPublishScheduleOrArchive() {
        TestAccount author = newAccount(Roles.AUTHOR);
        Linked l = Linked.create();
        as(author.token())
                .body(l.post("published", null))
                .post("/api/v1/posts")
                .then()
                .statusCode(403);
        as(author.token())
                .body(l.post("scheduled", Instant.now().plus(1, ChronoUnit.DAYS)))
                .post("/api/v1/posts")
                .then()
                .statusCode(403);
        String draft = as(author.token())
                .body(l.post(null, null))
                .post("/api/v1/posts")
                .then()
                .statusCode(201)
                .body("status", equalTo("draft"))
                .extract()
                .path("id");
        mergePatchAs(author.token())
                .body(Map.of("title", "Corrigé " + l.u()))
                .patch("/api/v1/posts/" + draft)
                .then()
                .statusCode(200);
        mergePatchAs(author.token())
                .body(Map.of("status", "published"))
                .patch("/api/v1/posts/" + draft)
                .then()
                .statusCode(403);

        Instant before = Instant.now();
        mergePatch()
                .body(Map.of("status", "published"))
                .patch("/api/v1/posts/" + draft)
                .then()
                .statusCode(200)
                .body("status", equalTo("published"));
        String publishedAt = given().get("/api/v1/posts/" + draft)
                .then()
                .statusCode(200)
                .extract()
                .path("publishedAt");
        assertThat(Instant.parse(publishedAt)).as("publishing sets the date").isAfterOrEqualTo(before.minusSeconds(1));
        mergePatchAs(author.token())
                .body(Map.of("title", "Après publication"))
                .patch("/api/v1/posts/" + draft)
                .then()
                .statusCode(403);
        mergePatch()
                .body(Map.of("status", "archived"))
                .patch("/api/v1/posts/" + draft)
                .then()
                .statusCode(200);
        given().get("/api/v1/posts/" + draft).then().statusCode(404);
        mergePatch()
                .body(Map.of("status", "draft"))
                .patch("/api/v1/posts/" + draft)
                .then()
                .statusCode(200);
    }

    @Test
    void everyChangeIsARevisionAndRestoringOneIsANewRevision() {
        Linked l = Linked.create();
        String id = json().body(l.post("published", null))
                .post("/api/v1/posts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        mergePatch()
                .body(Map.of("title", "Billet avec une coquile " + l.u()))
                .patch("/api/v1/posts/" + id)
                .then()
                .statusCode(200);
        mergePatch()
                .body(Map.of("tags", List.of(l.u(), "autre")))
                .patch("/api/v1/posts/" + id)
                .then()
                .statusCode(200);

        Response list = editor().get("/api/v1/posts/" + id + "/revisions");
        list.then()
                .statusCode(200)
                .body("items.number", equalTo(List.of(3, 2, 1)))
                .body("items[1].title", equalTo("Billet avec une coquile " + l.u()))
                .body("items[0].author.displayName", Matchers.notNullValue());
        String first = list.path("items[2].id");
        editor().get("/api/v1/posts/" + id + "/revisions/" + first)
                .then()
                .statusCode(200)
                .body("snapshot.title", equalTo("Billet " + l.u()))
                .body("snapshot.status", equalTo("published"));
        given().get("/api/v1/posts/" + id + "/revisions").then().statusCode(401);

        editor().post("/api/v1/posts/" + id + "/revisions/" + first + "/restore")
                .then()
                .statusCode(200)
                .body("title", equalTo("Billet " + l.u()))
                .body("tags", equalTo(List.of(l.u())));
        editor().get("/api/v1/posts/" + id + "/revisions").then().body("items.number", equalTo(List.of(4, 3, 2, 1)));
        editor().get("/api/v1/posts/" + id + "/revisions/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404);
    }

    @Test
    void deletedPostsGoToTheTrashAndComeBackWithTheirLinks() {
        Linked l = Linked.create();
        String media = uploadImage();
        Map<String, Object> body = l.post("published", null);
        body.put("featuredMedia", media);
        String id = json().body(body)
                .post("/api/v1/posts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        editor().delete("/api/v1/posts/" + id).then().statusCode(204);
        given().get("/api/v1/posts/" + id).then().statusCode(404);
        as(token(Roles.EDITOR))
                .queryParam("size", 100)
                .get("/api/v1/trash/posts")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as(token(Roles.AUTHOR)).get("/api/v1/trash/posts").then().statusCode(403);

        editor().post("/api/v1/posts/" + id + "/restore").then().statusCode(200);
        given().get("/api/v1/posts/" + id)
                .then()
                .statusCode(200)
                .body("categories[0].id", equalTo(l.category()))
                .body("featuredMedia.id", equalTo(media))
                .body("honoraryCitizens[0].id", equalTo(l.citizen()))
                .body("awards[0].id", equalTo(l.award()));
        editor().post("/api/v1/posts/" + id + "/restore").then().statusCode(409);
        as(token(Roles.EDITOR))
                .queryParam("size", 100)
                .get("/api/v1/trash/posts")
                .then()
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void onlyEditorsDeleteForGood() {
        TestAccount author = newAccount(Roles.AUTHOR);
        String draft = as(author.token())
                .body(Linked.create().post(null, null))
                .post("/api/v1/posts")
                .then()
                .extract()
                .path("id");

        as(author.token())
                .queryParam("permanent", "true")
                .delete("/api/v1/posts/" + draft)
                .then()
                .statusCode(403);
        as(author.token()).delete("/api/v1/posts/" + draft).then().statusCode(204);
        editor().queryParam("permanent", "true")
                .delete("/api/v1/posts/" + draft)
                .then()
                .statusCode(204);
        editor().post("/api/v1/posts/" + draft + "/restore").then().statusCode(404);
    }

    @Test
    void theTrashIsPurgedAfterTheRetentionPeriodOnly() {
        String id = json().body(Linked.create().post("published", null))
                .post("/api/v1/posts")
                .then()
                .extract()
                .path("id");
        editor().delete("/api/v1/posts/" + id).then().statusCode(204);

        clock.advance(Duration.ofDays(29));
        service.purgeTrash();
        editor().post("/api/v1/posts/" + id + "/restore").then().statusCode(200);
        editor().delete("/api/v1/posts/" + id).then().statusCode(204);

        clock.advance(Duration.ofDays(31));
        assertThat(service.purgeTrash()).isGreaterThanOrEqualTo(1);
        editor().post("/api/v1/posts/" + id + "/restore").then().statusCode(404);
    }

    @Test
    void twentyConcurrentEditsFromOneVersionLetExactlyOneWinAndMakeOneRevision() throws Exception {
        String id = json().body(Linked.create().post("published", null))
                .post("/api/v1/posts")
                .then()
                .extract()
                .path("id");
        String etag = editor().get("/api/v1/posts/" + id).then().extract().header("ETag");
        int before = editor().get("/api/v1/posts/" + id + "/revisions")
                .then()
                .extract()
                .path("totalItems");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> edits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            edits.add(() -> mergePatch()
                    .header("If-Match", etag)
                    .body(Map.of("excerpt", "Version " + n))
                    .patch("/api/v1/posts/" + id)
                    .statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(edits)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(19);
        editor().get("/api/v1/posts/" + id + "/revisions").then().body("totalItems", equalTo(before + 1));
    }
}
