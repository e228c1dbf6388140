package org.tribune.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.MovableClock;
import org.tribune.post.PostService;
import org.tribune.security.Roles;

/** Every write of every resource records exactly one entry in its own transaction; a refused write records none. */
@QuarkusTest
class ChangeLogTest extends ApiTestSupport {

    @Inject
    ChangeLog log;

    @Inject
    PostService posts;

    /** The shared accounts are created on first use; creating them inside a measured write would count them. */
    @BeforeEach
    void signInFirst() {
        token(Roles.ADMIN);
        token(Roles.EDITOR);
        token(Roles.AUTHOR);
    }

    @Test
    void everyPostWriteRecordsOneEntryWithItsAction() {
        String[] id = new String[1];
        ChangeEntry created = single(() -> id[0] =
                createPost(Map.of("title", "Journal " + unique(), "content", "<p>Texte</p>", "status", "draft")));
        assertEntry(created, "post", id[0], ChangeAction.created, 0);
        UUID editor = created.actorId();
        assertThat(editor).isNotNull();

        assertEntry(
                single(() -> mergePatch()
                        .body(Map.of("status", "published"))
                        .patch("/api/v1/posts/" + id[0])
                        .then()
                        .statusCode(200)),
                "post",
                id[0],
                ChangeAction.published,
                1);
        assertEntry(
                single(() -> mergePatch()
                        .body(Map.of("title", "Journal renommé " + unique()))
                        .patch("/api/v1/posts/" + id[0])
                        .then()
                        .statusCode(200)),
                "post",
                id[0],
                ChangeAction.updated,
                2);
        assertEntry(
                single(() -> json().body(Map.of(
                                "title", "Journal " + unique(), "content", "<p>Brouillon</p>", "status", "draft"))
                        .put("/api/v1/posts/" + id[0])
                        .then()
                        .statusCode(200)),
                "post",
                id[0],
                ChangeAction.unpublished,
                3);
        String revision = json().get("/api/v1/posts/" + id[0] + "/revisions?size=1&page=2")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        assertEntry(
                single(() -> editor().post("/api/v1/posts/" + id[0] + "/revisions/" + revision + "/restore")
                        .then()
                        .statusCode(200)),
                "post",
                id[0],
                ChangeAction.published,
                4);
        assertEntry(
                single(() -> editor().delete("/api/v1/posts/" + id[0]).then().statusCode(204)),
                "post",
                id[0],
                ChangeAction.trashed,
                5);
        assertEntry(
                single(() -> editor().post("/api/v1/posts/" + id[0] + "/restore")
                        .then()
                        .statusCode(200)),
                "post",
                id[0],
                ChangeAction.restored,
                6);
        ChangeEntry deleted = single(() -> editor().delete("/api/v1/posts/" + id[0] + "?permanent=true")
                .then()
                .statusCode(204));
        assertEntry(deleted, "post", id[0], ChangeAction.deleted, 6);
        assertThat(deleted.actorId()).isEqualTo(editor);
    }

    @Test
    void everyCategoryWriteRecordsOneEntry() {
        String[] id = new String[1];
        assertEntry(
                single(() -> id[0] = createCategory("Journal " + unique())),
                "category",
                id[0],
                ChangeAction.created,
                0);
        assertEntry(
                single(() -> json().body(Map.of("name", "Journal " + unique()))
                        .put("/api/v1/categories/" + id[0])
                        .then()
                        .statusCode(200)),
                "category",
                id[0],
                ChangeAction.updated,
                1);
        assertEntry(
                single(() -> mergePatch()
                        .body(Map.of("description", "Décrite"))
                        .patch("/api/v1/categories/" + id[0])
                        .then()
                        .statusCode(200)),
                "category",
                id[0],
                ChangeAction.updated,
                2);
        assertEntry(
                single(() ->
                        editor().delete("/api/v1/categories/" + id[0]).then().statusCode(204)),
                "category",
                id[0],
                ChangeAction.deleted,
                2);
    }

    @Test
    void deletingACategoryRecordsEachPostAndChildItChanged() {
        String parent = createCategory("Parent " + unique());
        String child = createCategory(Map.of("name", "Enfant " + unique(), "parent", parent));
        String post =
                createPost(Map.of("title", "Classé " + unique(), "content", "<p>x</p>", "categories", List.of(parent)));

        List<ChangeEntry> entries = during(() -> editor().delete("/api/v1/categories/" + parent + "?force=true")
                .then()
                .statusCode(204));

        assertThat(entries)
                .extracting(e -> e.resourceType() + " " + e.resourceId() + " " + e.action())
                .containsExactlyInAnyOrder(
                        "category " + parent + " deleted",
                        "category " + child + " updated",
                        "post " + post + " updated");
    }

    @Test
    void everyMediaWriteRecordsOneEntry() {
        String[] id = new String[1];
        assertEntry(single(() -> id[0] = uploadImage()), "media", id[0], ChangeAction.created, 0);
        assertEntry(
                single(() -> json().body(Map.of("alt", "Une photo"))
                        .put("/api/v1/media/" + id[0])
                        .then()
                        .statusCode(200)),
                "media",
                id[0],
                ChangeAction.updated,
                1);
        assertEntry(
                single(() -> mergePatch()
                        .body(Map.of("caption", "Légende"))
                        .patch("/api/v1/media/" + id[0])
                        .then()
                        .statusCode(200)),
                "media",
                id[0],
                ChangeAction.updated,
                2);
        assertEntry(
                single(() -> editor().delete("/api/v1/media/" + id[0]).then().statusCode(204)),
                "media",
                id[0],
                ChangeAction.deleted,
                2);
    }

    @Test
    void everyHonorWriteRecordsOneEntry() {
        String[] citizen = new String[1];
        assertEntry(
                single(() -> citizen[0] = json().body(citizen("Citoyenne " + unique()))
                        .post("/api/v1/honorary-citizens")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id")),
                "honorary-citizen",
                citizen[0],
                ChangeAction.created,
                0);
        assertEntry(
                single(() -> json().body(citizen("Citoyenne " + unique()))
                        .put("/api/v1/honorary-citizens/" + citizen[0])
                        .then()
                        .statusCode(200)),
                "honorary-citizen",
                citizen[0],
                ChangeAction.updated,
                1);
        assertEntry(
                single(() -> mergePatch()
                        .body(Map.of("situation", "Libérée"))
                        .patch("/api/v1/honorary-citizens/" + citizen[0])
                        .then()
                        .statusCode(200)),
                "honorary-citizen",
                citizen[0],
                ChangeAction.updated,
                2);
        assertEntry(
                single(() -> editor().delete("/api/v1/honorary-citizens/" + citizen[0])
                        .then()
                        .statusCode(204)),
                "honorary-citizen",
                citizen[0],
                ChangeAction.deleted,
                2);

        String[] prize = new String[1];
        assertEntry(
                single(() -> prize[0] = createPrize("Prix " + unique())), "prize", prize[0], ChangeAction.created, 0);
        assertEntry(
                single(() -> json().body(Map.of("name", "Prix " + unique()))
                        .put("/api/v1/prizes/" + prize[0])
                        .then()
                        .statusCode(200)),
                "prize",
                prize[0],
                ChangeAction.updated,
                1);
        assertEntry(
                single(() -> mergePatch()
                        .body(Map.of("description", "Annuel"))
                        .patch("/api/v1/prizes/" + prize[0])
                        .then()
                        .statusCode(200)),
                "prize",
                prize[0],
                ChangeAction.updated,
                2);

        String[] award = new String[1];
        assertEntry(single(() -> award[0] = createAward(award(prize[0]))), "award", award[0], ChangeAction.created, 0);
        assertEntry(
                single(() -> json().body(award(prize[0]))
                        .put("/api/v1/awards/" + award[0])
                        .then()
                        .statusCode(200)),
                "award",
                award[0],
                ChangeAction.updated,
                1);
        assertEntry(
                single(() -> mergePatch()
                        .body(Map.of("recipientName", "Lauréate " + unique()))
                        .patch("/api/v1/awards/" + award[0])
                        .then()
                        .statusCode(200)),
                "award",
                award[0],
                ChangeAction.updated,
                2);

        // A prize that still has awards is kept, and nothing is recorded.
        assertThat(during(() ->
                        editor().delete("/api/v1/prizes/" + prize[0]).then().statusCode(409)))
                .isEmpty();
        assertEntry(
                single(() ->
                        editor().delete("/api/v1/awards/" + award[0]).then().statusCode(204)),
                "award",
                award[0],
                ChangeAction.deleted,
                2);
        assertEntry(
                single(() ->
                        editor().delete("/api/v1/prizes/" + prize[0]).then().statusCode(204)),
                "prize",
                prize[0],
                ChangeAction.deleted,
                2);
    }

    @Test
    void everyAccountAndTokenWriteRecordsOneEntry() {
        String admin = token(Roles.ADMIN);
        String username = "journal" + unique();
        String[] id = new String[1];
        Map<String, Object> user = new HashMap<>(Map.of(
                "username", username, "displayName", "Journal", "role", "author", "password", "un-mot-de-passe-long"));
        assertEntry(
                single(() -> id[0] = as(admin)
                        .body(user)
                        .post("/api/v1/users")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id")),
                "user",
                id[0],
                ChangeAction.created,
                0);
        assertEntry(
                single(() -> as(admin)
                        .body(Map.of("username", username, "displayName", "Journal 2", "role", "author"))
                        .put("/api/v1/users/" + id[0])
                        .then()
                        .statusCode(200)),
                "user",
                id[0],
                ChangeAction.updated,
                1);
        assertEntry(
                single(() -> mergePatchAs(admin)
                        .body(Map.of("displayName", "Journal 3"))
                        .patch("/api/v1/users/" + id[0])
                        .then()
                        .statusCode(200)),
                "user",
                id[0],
                ChangeAction.updated,
                2);
        assertEntry(
                single(() -> as(admin)
                        .body(Map.of("newPassword", "un-autre-mot-de-passe"))
                        .put("/api/v1/users/" + id[0] + "/password")
                        .then()
                        .statusCode(204)),
                "user",
                id[0],
                ChangeAction.updated,
                3);
        String own = signIn(username, "un-autre-mot-de-passe");
        assertEntry(
                single(() -> mergePatchAs(own)
                        .body(Map.of("displayName", "Moi"))
                        .patch("/api/v1/users/me")
                        .then()
                        .statusCode(200)),
                "user",
                id[0],
                ChangeAction.updated,
                4);
        ChangeEntry ownPassword = single(() -> as(own).body(
                        Map.of("currentPassword", "un-autre-mot-de-passe", "newPassword", "encore-un-mot-de-passe"))
                .put("/api/v1/users/me/password")
                .then()
                .statusCode(204));
        assertEntry(ownPassword, "user", id[0], ChangeAction.updated, 5);
        assertThat(ownPassword.actorId()).hasToString(id[0]);

        String[] tokenId = new String[1];
        assertEntry(
                single(() -> tokenId[0] = as(admin)
                        .body(Map.of("name", "Journal " + unique(), "role", "reader"))
                        .post("/api/v1/api-tokens")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id")),
                "api-token",
                tokenId[0],
                ChangeAction.created,
                0);
        assertEntry(
                single(() -> as(admin)
                        .delete("/api/v1/api-tokens/" + tokenId[0])
                        .then()
                        .statusCode(204)),
                "api-token",
                tokenId[0],
                ChangeAction.deleted,
                0);
        assertEntry(
                single(() -> as(admin).delete("/api/v1/users/" + id[0]).then().statusCode(204)),
                "user",
                id[0],
                ChangeAction.deleted,
                5);
    }

    @Test
    void purgingTheTrashRecordsEachDeletion() {
        MovableClock clock = MovableClock.install();
        String post = createPost(Map.of("title", "Purgé " + unique(), "content", "<p>x</p>"));
        editor().delete("/api/v1/posts/" + post).then().statusCode(204);
        clock.advance(Duration.ofDays(31));

        List<ChangeEntry> entries = during(() -> posts.purgeTrash());

        assertThat(entries)
                .filteredOn(e -> e.resourceId().toString().equals(post))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo(ChangeAction.deleted);
                    assertThat(e.actorId()).isNull();
                });
        assertThat(entries)
                .allMatch(e ->
                        e.action() == ChangeAction.deleted && e.resourceType().equals("post"));
    }

    @Test
    void aRefusedWriteRecordsNothing() {
        String post = createPost(Map.of("title", "Refus " + unique(), "content", "<p>x</p>"));
        assertThat(during(() -> json().header("If-Match", "\"stale\"")
                        .body(Map.of("title", "Perdu", "content", "<p>y</p>"))
                        .put("/api/v1/posts/" + post)
                        .then()
                        .statusCode(412)))
                .isEmpty();
        assertThat(during(() -> json().body(Map.of("title", "", "content", "<p>y</p>"))
                        .put("/api/v1/posts/" + post)
                        .then()
                        .statusCode(400)))
                .isEmpty();
        assertThat(during(() -> json().body(Map.of(
                                "title",
                                "Sans catégorie",
                                "content",
                                "<p>y</p>",
                                "categories",
                                List.of(UUID.randomUUID())))
                        .post("/api/v1/posts")
                        .then()
                        .statusCode(400)))
                .isEmpty();
        assertThat(during(() -> editor().delete("/api/v1/posts/" + UUID.randomUUID())
                        .then()
                        .statusCode(404)))
                .isEmpty();
        assertThat(during(() -> as(token(Roles.AUTHOR))
                        .body(Map.of("title", "Pas à moi", "content", "<p>y</p>"))
                        .put("/api/v1/posts/" + post)
                        .then()
                        .statusCode(403)))
                .isEmpty();
    }

    @Test
    void sequenceNumbersHaveNoGapsAndFollowTheWrites() {
        long before = log.lastSeq();
        createCategory("Suite " + unique());
        createCategory("Suite " + unique());
        List<ChangeEntry> entries = log.after(before, 10);
        assertThat(entries).extracting(ChangeEntry::seq).containsExactly(before + 1, before + 2);
        assertThat(log.lastSeq()).isEqualTo(before + 2);
        assertThat(entries.get(0).changedAt()).isBeforeOrEqualTo(entries.get(1).changedAt());
    }

    private List<ChangeEntry> during(Runnable write) {
        long before = log.lastSeq();
        write.run();
        return log.after(before, 100);
    }

    private ChangeEntry single(Runnable write) {
        List<ChangeEntry> entries = during(write);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private ChangeEntry single(Supplier<?> write) {
        return single((Runnable) write::get);
    }

    private static void assertEntry(ChangeEntry e, String type, String id, ChangeAction action, long version) {
        assertThat(e.resourceType()).isEqualTo(type);
        assertThat(e.resourceId()).hasToString(id);
        assertThat(e.action()).isEqualTo(action);
        assertThat(e.version()).isEqualTo(version);
        assertThat(e.changedAt()).isNotNull();
    }

    private static Map<String, Object> citizen(String name) {
        return Map.of(
                "name",
                name,
                "description",
                "Défenseuse des droits",
                "country",
                "fr",
                "conferredOn",
                "2020-01-01",
                "vote",
                "unanimous");
    }

    private static Map<String, Object> award(String prize) {
        return Map.of(
                "prize",
                prize,
                "year",
                2025,
                "category",
                "Prix français",
                "distinction",
                "laureate",
                "recipientName",
                "Lauréate " + unique());
    }
}
