package org.tribune.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.MovableClock;
import org.tribune.security.Roles;

/**
 * Webhooks against a real receiver on a real port, which checks every signature with its own implementation of the
 * Standard Webhooks algorithm. Each test registers its own endpoint and removes it after.
 */
@QuarkusTest
class WebhookApiTest extends ApiTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    WebhookScheduler scheduler;

    @Inject
    WebhookDispatch dispatch;

    @Inject
    javax.sql.DataSource dataSource;

    private Receiver receiver;
    private final List<String> registered = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void removeEndpoints() {
        registered.forEach(id -> admin().delete("/api/v1/webhooks/" + id));
        registered.clear();
        receiver.close();
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return as(token(Roles.ADMIN));
    }

    private JsonPath register(String... eventTypes) {
        JsonPath created = admin().body(Map.of(
                        "url", receiver.url("/hooks/" + unique()),
                        "eventTypes", List.of(eventTypes),
                        "description", "Test receiver"))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        registered.add(created.getString("webhook.id"));
        return created;
    }

    private static <T> T eventually(Supplier<T> value, Predicate<T> done, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        T last = value.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Still not " + what + " after " + WAIT + ": " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = value.get();
        }
        return last;
    }

    private List<Receiver.Request> received(Predicate<Receiver.Request> which, int atLeast) {
        return eventually(
                () -> receiver.requests().stream().filter(which).toList(),
                r -> r.size() >= atLeast,
                atLeast + " matching requests received");
    }

    private static Predicate<Receiver.Request> about(String resourceId) {
        return r -> r.body().contains("\"id\":\"" + resourceId + "\"");
    }

    private static JsonPath body(Receiver.Request r) {
        return JsonPath.from(r.body());
    }

    private JsonPath deliveries(String webhookId) {
        return admin().get("/api/v1/webhooks/" + webhookId + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theSecretIsShownAtCreationOnlyAndTheEndpointIsListed() {
        JsonPath created = register("post.upsert");
        String id = created.getString("webhook.id");
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(created.getString("webhook.secretHint")).isEqualTo(secret.substring(0, 10));
        assertThat(created.getList("webhook.eventTypes")).containsExactly("post.upsert");
        String one = admin().get("/api/v1/webhooks/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String list =
                admin().get("/api/v1/webhooks").then().statusCode(200).extract().asString();
        assertThat(one).doesNotContain(secret).contains("\"active\":true");
        assertThat(list).doesNotContain(secret).contains(id);
    }

    @Test
    void anInvalidEndpointIsRefusedNamingTheField() {
        admin().body(Map.of("url", "ftp://example.org/x", "eventTypes", List.of("post.upsert")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("http or https"));
        admin().body(Map.of("url", "https://user:pw@example.org/x", "eventTypes", List.of("post.upsert")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("url"));
        admin().body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("post.created")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("eventTypes[0]"));
        admin().body(Map.of("url", receiver.url("/x"), "eventTypes", List.of()))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"));
        admin().body(Map.of("url", "https://no-such-host.invalid/x", "eventTypes", List.of("post.upsert")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("does not resolve"));
    }

    @Test
    void onlyAdminsManageWebhooks() {
        json().get("/api/v1/webhooks").then().statusCode(403);
        anonymousJson().get("/api/v1/webhooks").then().statusCode(401);
        json().body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("post.upsert")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(403);
    }

    @Test
    void aPublishedPostIsDeliveredSignedWithItsRepresentationAndItsRemovalWithItsId() {
        JsonPath created = register("post.upsert", "post.remove");
        String secret = created.getString("secret");
        String post = createPost(Map.of("title", "Webhook " + unique(), "content", "<p>Reçu</p>"));

        Receiver.Request upsert = received(about(post), 1).get(0);
        assertThat(Receiver.verifies(upsert, secret)).isTrue();
        assertThat(Math.abs(Long.parseLong(upsert.timestamp()) - Instant.now().getEpochSecond()))
                .isLessThan(60);
        JsonPath event = body(upsert);
        assertThat(event.getString("type")).isEqualTo("post.upsert");
        assertThat(event.getString("timestamp")).isNotBlank();
        assertThat(event.getString("data.type")).isEqualTo("post");
        assertThat(event.getString("data.action")).isEqualTo("upsert");
        assertThat(event.getString("data.resource.id")).isEqualTo(post);
        assertThat(event.getString("data.resource.content")).contains("Reçu");

        editor().delete("/api/v1/posts/" + post + "?permanent=true").then().statusCode(204);
        Receiver.Request remove = received(about(post).and(r -> r.body().contains("post.remove")), 1)
                .get(0);
        assertThat(Receiver.verifies(remove, secret)).isTrue();
        assertThat(body(remove).getString("data.id")).isEqualTo(post);
        assertThat(body(remove).getMap("data")).doesNotContainKey("resource");
        assertThat(remove.id()).isNotEqualTo(upsert.id());
    }

    @Test
    void onlyTheEventTypesAskedForAreDelivered() {
        register("category.upsert");
        String post = createPost(Map.of("title", "Non voulu " + unique(), "content", "<p>x</p>"));
        String category = createCategory("Voulue " + unique());
        received(about(category), 1);
        assertThat(receiver.requests().stream().filter(about(post))).isEmpty();
    }

    @Test
    void eachResourcesEventsArriveInTheOrderOfItsChanges() {
        register("post.upsert", "post.remove");
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String post = createPost(Map.of("title", "Ordre " + i + " " + unique(), "content", "<p>x</p>"));
            mergePatch().body(Map.of("title", "Ordre relu " + i)).patch("/api/v1/posts/" + post);
            posts.add(post);
        }
        posts.forEach(p ->
                editor().delete("/api/v1/posts/" + p + "?permanent=true").then().statusCode(204));
        for (String post : posts) {
            List<Receiver.Request> its = received(about(post).and(r -> r.body().contains("post.remove")), 1);
            List<String> types = receiver.requests().stream()
                    .filter(about(post))
                    .map(r -> body(r).getString("type"))
                    .toList();
            assertThat(types.get(types.size() - 1))
                    .as("the last event of %s", post)
                    .isEqualTo("post.remove");
            assertThat(its).hasSize(1);
        }
    }

    @Test
    void aFailedDeliveryIsRetriedAfter500AndTimeoutsWithTheSameIdUntilItSucceeds() {
        JsonPath created = register("post.upsert");
        String id = created.getString("webhook.id");
        receiver.answerNext(
                Receiver.Answer.status(500),
                new Receiver.Answer(200, 2500, Map.of(), ""), // longer than the test read timeout of 1 s
                Receiver.Answer.status(200));
        String post = createPost(Map.of("title", "Réessayé " + unique(), "content", "<p>x</p>"));
        List<Receiver.Request> tries = received(about(post), 3);
        assertThat(tries.stream().map(Receiver.Request::id).distinct()).hasSize(1);
        assertThat(tries.get(1).receivedAtMillis() - tries.get(0).receivedAtMillis())
                .as("the first retry waits")
                .isGreaterThanOrEqualTo(250);
        tries.forEach(r ->
                assertThat(Receiver.verifies(r, created.getString("secret"))).isTrue());

        JsonPath log = eventually(
                () -> deliveries(id), d -> "succeeded".equals(d.getString("items[0].state")), "recorded as succeeded");
        assertThat(log.getString("items[0].eventType")).isEqualTo("post.upsert");
        assertThat(log.getString("items[0].resourceId")).isEqualTo(post);
        assertThat(log.getList("items[0].attempts.statusCode")).containsExactly(500, null, 200);
        assertThat(log.getString("items[0].attempts[1].error")).contains("timed out");
        assertThat(log.getInt("items[0].attempts[0].latencyMs")).isGreaterThanOrEqualTo(0);
        assertThat(admin().get("/api/v1/webhooks/" + id)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("failingSince"))
                .as("a success ends the failing")
                .isNull();
    }

    @Test
    void a429IsRetriedNoSoonerThanItsRetryAfter() {
        register("post.upsert");
        receiver.answerNext(new Receiver.Answer(429, 0, Map.of("Retry-After", "2"), "slow down"));
        String post = createPost(Map.of("title", "Patience " + unique(), "content", "<p>x</p>"));
        List<Receiver.Request> tries = received(about(post), 2);
        assertThat(tries.get(1).receivedAtMillis() - tries.get(0).receivedAtMillis())
                .isGreaterThanOrEqualTo(1900);
    }

    @Test
    void a410IsGivenUpAtOnceWithTheAnswerInTheLog() {
        String id = register("post.upsert").getString("webhook.id");
        receiver.otherwise(new Receiver.Answer(410, 0, Map.of(), "gone for good " + "x".repeat(3000)));
        String post = createPost(Map.of("title", "Abandonné " + unique(), "content", "<p>x</p>"));
        received(about(post), 1);
        JsonPath log =
                eventually(() -> deliveries(id), d -> "failed".equals(d.getString("items[0].state")), "given up");
        // The 410 is the last attempt: nothing is tried after it. (A connection that failed before it, which the
        // loopback receiver does now and then under load, is retried as any connection error is.)
        List<Map<String, Object>> attempts = log.getList("items[0].attempts");
        assertThat(attempts.subList(0, attempts.size() - 1)).allMatch(a -> a.get("statusCode") == null);
        int last = attempts.size() - 1;
        assertThat(log.getInt("items[0].attempts[" + last + "].statusCode")).isEqualTo(410);
        assertThat(log.getString("items[0].attempts[" + last + "].response"))
                .startsWith("gone for good")
                .hasSize(WebhookSender.EXCERPT);
        assertThat(log.getString("items[0].attempts[" + last + "].error")).contains("not retried");
        assertThat(log.getString("items[0].nextAttemptAt")).isNull();
        long answered = receiver.requests().stream().filter(about(post)).count();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(receiver.requests().stream().filter(about(post))).hasSize((int) answered);
    }

    @Test
    void anEndpointFailingForLongerThanTheSettingIsDisabledWithItsReasonThenTurnedOnAgain() {
        MovableClock clock = MovableClock.install();
        String id = register("post.upsert").getString("webhook.id");
        receiver.otherwise(Receiver.Answer.status(503));
        String first = createPost(Map.of("title", "En panne " + unique(), "content", "<p>x</p>"));
        received(about(first), 1);
        eventually(
                () -> admin().get("/api/v1/webhooks/" + id).then().extract().jsonPath(),
                w -> w.getString("failingSince") != null,
                "marked as failing");

        clock.advance(Duration.ofDays(6));
        String later = createPost(Map.of("title", "Toujours en panne " + unique(), "content", "<p>x</p>"));
        received(about(later), 1);
        JsonPath disabled = eventually(
                () -> admin().get("/api/v1/webhooks/" + id).then().extract().jsonPath(),
                w -> !w.getBoolean("active"),
                "disabled");
        assertThat(disabled.getString("disabledReason")).contains("failed").contains("HTTP 503");
        assertThat(disabled.getString("disabledAt")).isNotNull();

        receiver.otherwise(Receiver.Answer.status(200));
        String etag = admin().get("/api/v1/webhooks/" + id).header("ETag");
        mergePatchAs(token(Roles.ADMIN))
                .header("If-Match", etag)
                .body(Map.of("active", true))
                .patch("/api/v1/webhooks/" + id)
                .then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("disabledReason", nullValue())
                .body("failingSince", nullValue());
    }

    @Test
    void aRotatedSecretSignsNextToTheOldOneForTheOverlap() {
        JsonPath created = register("post.upsert");
        String id = created.getString("webhook.id");
        String old = created.getString("secret");
        JsonPath rotated = admin().post("/api/v1/webhooks/" + id + "/rotate-secret")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .jsonPath();
        String fresh = rotated.getString("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        assertThat(rotated.getString("webhook.secretHint")).isEqualTo(fresh.substring(0, 10));
        assertThat(rotated.getString("webhook.previousSecretExpiresAt")).isNotNull();

        admin().post("/api/v1/webhooks/" + id + "/ping").then().statusCode(202);
        Receiver.Request ping =
                received(r -> r.body().contains("webhook.ping"), 1).get(0);
        assertThat(ping.signature().split(" ")).hasSize(2);
        assertThat(Receiver.verifies(ping, fresh)).isTrue();
        assertThat(Receiver.verifies(ping, old)).isTrue();
        assertThat(Receiver.verifies(ping, "whsec_" + "A".repeat(44))).isFalse();
    }

    @Test
    void aPingIsDeliveredAndAnyDeliveryCanBeSentAgainWithTheSameId() {
        String id = register("post.upsert").getString("webhook.id");
        var accepted = admin().post("/api/v1/webhooks/" + id + "/ping")
                .then()
                .statusCode(202)
                .extract();
        String location = accepted.header("Location");
        assertThat(location).contains("/api/v1/webhooks/" + id + "/deliveries/");
        assertThat(accepted.jsonPath().getString("eventType")).isEqualTo("webhook.ping");
        Receiver.Request ping =
                received(r -> r.body().contains("webhook.ping"), 1).get(0);
        assertThat(body(ping).getString("data.webhookId")).isEqualTo(id);

        long deliveryId = accepted.jsonPath().getLong("id");
        eventually(
                () -> admin().get("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId)
                        .then()
                        .extract()
                        .jsonPath(),
                d -> "succeeded".equals(d.getString("state")),
                "delivered");
        admin().post("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId + "/redeliver")
                .then()
                .statusCode(202)
                .body("eventId", equalTo(ping.id()));
        List<Receiver.Request> both = received(r -> r.body().contains("webhook.ping"), 2);
        assertThat(both.get(1).id()).isEqualTo(ping.id());
        assertThat(both.get(1).body()).isEqualTo(ping.body());

        admin().post("/api/v1/webhooks/" + id + "/deliveries/99999999/redeliver")
                .then()
                .statusCode(404);
    }

    @Test
    void anInactiveEndpointGetsNothingAndCannotBePinged() {
        String id = register("post.upsert").getString("webhook.id");
        mergePatchAs(token(Roles.ADMIN))
                .body(Map.of("active", false))
                .patch("/api/v1/webhooks/" + id)
                .then()
                .statusCode(200);
        admin().post("/api/v1/webhooks/" + id + "/ping")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("inactive"));
        String post = createPost(Map.of("title", "Personne " + unique(), "content", "<p>x</p>"));
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(receiver.requests().stream().filter(about(post))).isEmpty();
    }

    /**
     * Tests that move the clock forward (the workflow's, the feed's) can leave the dispatcher's place among the
     * changes that come by themselves days ahead of the real time, which a real clock never does: it starts again
     * from the present here, as it does when its cursor is gone.
     */
    private void dispatcherFromThePresent() throws Exception {
        try (var c = dataSource.getConnection();
                var st = c.prepareStatement("UPDATE webhook_dispatch SET feed_cursor = NULL")) {
            st.executeUpdate();
        }
        eventually(
                () -> {
                    try (var c = dataSource.getConnection();
                            var st = c.prepareStatement("SELECT feed_cursor FROM webhook_dispatch");
                            var rs = st.executeQuery()) {
                        rs.next();
                        return rs.getString(1) != null;
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                },
                started -> started,
                "restarted from the present");
    }

    @Test
    void aScheduledPostIsDeliveredAtItsPublicationTimeAndNotBefore() throws Exception {
        dispatcherFromThePresent();
        register("post.upsert");
        Instant at = Instant.now().plusSeconds(3);
        String post = createPost(Map.of(
                "title",
                "Programmé " + unique(),
                "content",
                "<p>x</p>",
                "status",
                "scheduled",
                "publishedAt",
                at.toString()));
        Receiver.Request delivered = received(about(post), 1).get(0);
        assertThat(delivered.receivedAtMillis()).isGreaterThanOrEqualTo(at.toEpochMilli());
        assertThat(body(delivered).getString("data.resource.status")).isEqualTo("published");
    }

    /**
     * Instances claim deliveries with SKIP LOCKED: here the scheduler and four more threads claim at once, as five
     * instances would, and each event still arrives exactly once.
     */
    @Test
    void deliveriesClaimedConcurrentlyAreEachAttemptedOnce() throws Exception {
        register("category.upsert");
        receiver.otherwise(new Receiver.Answer(200, 50, Map.of(), ""));
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            categories.add(createCategory("Concurrente " + i + " " + unique()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    int n = 0;
                    for (int round = 0; round < 20; round++) {
                        n += scheduler.deliverDue();
                        Thread.sleep(20);
                    }
                    return n;
                }));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        for (String category : categories) {
            received(about(category), 1);
        }
        Map<String, Long> perId = receiver.requests().stream()
                .collect(Collectors.groupingBy(Receiver.Request::id, Collectors.counting()));
        assertThat(perId.values()).allMatch(n -> n == 1);
        assertThat(perId).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void aBackupHoldsTheEndpointButNeverItsSecret() {
        JsonPath created = register("post.upsert");
        byte[] archive = given().auth()
                .oauth2(token(Roles.ADMIN))
                .get("/api/v1/admin/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        String text = unzipAll(archive);
        assertThat(text).contains(created.getString("webhook.url")).doesNotContain(created.getString("secret"));
        assertThat(text).doesNotContain("webhook_secret").doesNotContain("whsec_");
    }

    private static String unzipAll(byte[] zip) {
        StringBuilder all = new StringBuilder();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                all.append(e.getName()).append('\n');
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return all.toString();
    }

    @Test
    void deliveriesOfAnUnknownEndpointAre404AndTheLogIsPaged() {
        admin().get("/api/v1/webhooks/" + java.util.UUID.randomUUID() + "/deliveries")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        String id = register("post.upsert").getString("webhook.id");
        for (int i = 0; i < 3; i++) {
            admin().post("/api/v1/webhooks/" + id + "/ping").then().statusCode(202);
        }
        admin().queryParam("size", 2)
                .get("/api/v1/webhooks/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .body("items.size()", equalTo(2))
                .body("$", hasKey("next"))
                .body("items[0].eventType", equalTo("webhook.ping"))
                .body("items[0]", not(hasKey("secret")))
                .body("items[0].eventId", not(startsWith("whsec_")));
    }

    @Test
    void theDeliveryLogIsDroppedAfterItsRetention() {
        String id = register("post.upsert").getString("webhook.id");
        long delivery = admin().post("/api/v1/webhooks/" + id + "/ping")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
        eventually(
                () -> admin().get("/api/v1/webhooks/" + id + "/deliveries/" + delivery)
                        .then()
                        .extract()
                        .jsonPath(),
                d -> "succeeded".equals(d.getString("state")),
                "delivered");
        MovableClock.install().advance(Duration.ofDays(31));
        dispatch.cleanUp();
        admin().get("/api/v1/webhooks/" + id + "/deliveries/" + delivery).then().statusCode(404);
    }
}
