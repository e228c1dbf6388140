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
        List<ChangeEntry> created = during(() -> award[0] = createAward(award(prize[0])));
        assertEntry(created.get(0), "award", award[0], ChangeAction.created, 0);
        // The prize shows how many awards it has.
        assertThat(described(created))
                .containsExactly("award " + award[0] + " created", "prize " + prize[0] + " embedded");
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
        assertThat(described(during(() ->
                        editor().delete("/api/v1/awards/" + award[0]).then().statusCode(204))))
                .containsExactly("award " + award[0] + " deleted", "prize " + prize[0] + " embedded");
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
        long before = log.bounds().head();
        createCategory("Suite " + unique());
        createCategory("Suite " + unique());
        List<ChangeEntry> entries = log.after(before, 10);
        assertThat(entries).extracting(ChangeEntry::seq).containsExactly(before + 1, before + 2);
        assertThat(log.bounds().head()).isEqualTo(before + 2);
        assertThat(entries.get(0).changedAt()).isBeforeOrEqualTo(entries.get(1).changedAt());
    }

    @Test
    void renamingACategoryRecordsEveryPostFiledInItAndADescriptionRecordsNone() {
        String category = createCategory("Classement " + unique());
        String published = createPost(
                Map.of("title", "Public " + unique(), "content", "<p>x</p>", "categories", List.of(category)));
        String draft = createPost(Map.of(
                "title",
                "Brouillon " + unique(),
                "content",
                "<p>x</p>",
                "status",
                "draft",
                "categories",
                List.of(category)));

        List<ChangeEntry> renamed = during(() -> mergePatch()
                .body(Map.of("name", "Renommé " + unique()))
                .patch("/api/v1/categories/" + category)
                .then()
                .statusCode(200));

        assertThat(described(renamed))
                .containsExactlyInAnyOrder(
                        "category " + category + " updated",
                        "post " + published + " embedded",
                        "post " + draft + " embedded");
        // The posts were not written: they keep their versions.
        assertThat(renamed)
                .filteredOn(e -> e.action() == ChangeAction.embedded)
                .allSatisfy(e -> assertThat(e.version()).isNull());
        assertThat(described(during(() -> mergePatch()
                        .body(Map.of("description", "Ce que les articles ne montrent pas"))
                        .patch("/api/v1/categories/" + category)
                        .then()
                        .statusCode(200))))
                .containsExactly("category " + category + " updated");
    }

    @Test
    void publishingAPostRecordsTheCategoriesWhoseCountMovesAndTheHonorsListingIt() {
        String counted = createCategory("Comptée " + unique());
        String citizen = createCitizen("Citoyen " + unique());
        String[] post = new String[1];
        List<ChangeEntry> drafted = during(() -> post[0] = createPost(Map.of(
                "title",
                "Brouillon " + unique(),
                "content",
                "<p>x</p>",
                // An excerpt of its own: one derived from the content would change with it, and related posts show it.
                "excerpt",
                "Résumé",
                "status",
                "draft",
                "categories",
                List.of(counted),
                "honoraryCitizens",
                List.of(citizen))));
        // Editors see drafts among a citizen's related posts; the public count of the category does not move.
        assertThat(described(drafted))
                .containsExactlyInAnyOrder("post " + post[0] + " created", "honorary-citizen " + citizen + " embedded");

        List<ChangeEntry> published = during(() -> mergePatch()
                .body(Map.of("status", "published"))
                .patch("/api/v1/posts/" + post[0])
                .then()
                .statusCode(200));
        assertThat(described(published))
                .containsExactlyInAnyOrder(
                        "post " + post[0] + " published",
                        "category " + counted + " embedded",
                        "honorary-citizen " + citizen + " embedded");

        // A change of the content alone shows nowhere else.
        assertThat(described(during(() -> mergePatch()
                        .body(Map.of("content", "<p>Autre chose</p>"))
                        .patch("/api/v1/posts/" + post[0])
                        .then()
                        .statusCode(200))))
                .containsExactly("post " + post[0] + " updated");
    }

    @Test
    void changingAPhotoRecordsThePostsAndHonorsThatShowIt() {
        String photo = uploadImage();
        String citizenAbout = createCitizen("Sujet " + unique());
        String post = createPost(Map.of(
                "title",
                "Illustré " + unique(),
                "content",
                "<p>x</p>",
                "featuredMedia",
                photo,
                "honoraryCitizens",
                List.of(citizenAbout)));
        String portrayed = json().body(Map.of(
                        "name",
                        "Portrait " + unique(),
                        "description",
                        "Défenseur des droits",
                        "conferredOn",
                        "2021-03-04",
                        "portrait",
                        photo))
                .post("/api/v1/honorary-citizens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        assertThat(described(during(() -> mergePatch()
                        .body(Map.of("alt", "Une autre description " + unique()))
                        .patch("/api/v1/media/" + photo)
                        .then()
                        .statusCode(200))))
                .containsExactlyInAnyOrder(
                        "media " + photo + " updated",
                        "post " + post + " embedded",
                        // its related post shows the photo
                        "honorary-citizen " + citizenAbout + " embedded",
                        "honorary-citizen " + portrayed + " embedded");
    }

    @Test
    void renamingAPrizeRecordsItsAwardsAndThePostsAboutThem() {
        String prize = createPrize("Prix " + unique());
        String award = createAward(award(prize));
        String post =
                createPost(Map.of("title", "Lauréate " + unique(), "content", "<p>x</p>", "awards", List.of(award)));

        assertThat(described(during(() -> mergePatch()
                        .body(Map.of("name", "Prix renommé " + unique()))
                        .patch("/api/v1/prizes/" + prize)
                        .then()
                        .statusCode(200))))
                .containsExactlyInAnyOrder(
                        "prize " + prize + " updated", "award " + award + " embedded", "post " + post + " embedded");
    }

    @Test
    void aResourceTheWriteItselfChangesGetsOnlyItsOwnEntry() {
        String post = createPost(Map.of("title", "Récit " + unique(), "content", "<p>x</p>"));
        String[] citizen = new String[1];
        List<ChangeEntry> created = during(() -> citizen[0] = json().body(Map.of(
                        "name",
                        "Lié " + unique(),
                        "description",
                        "Défenseuse des droits",
                        "conferredOn",
                        "2022-05-06",
                        "relatedPosts",
                        List.of(post)))
                .post("/api/v1/honorary-citizens")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));

        assertThat(described(created))
                .containsExactlyInAnyOrder(
                        "honorary-citizen " + citizen[0] + " created",
                        // the post now shows the citizen, and is written to link it
                        "post " + post + " updated");
    }

    private List<ChangeEntry> during(Runnable write) {
        long before = log.bounds().head();
        write.run();
        return log.after(before, 100);
    }

    private static List<String> described(List<ChangeEntry> entries) {
        return entries.stream()
                .map(e -> e.resourceType() + " " + e.resourceId() + " " + e.action())
                .toList();
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
