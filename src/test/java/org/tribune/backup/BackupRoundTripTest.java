package org.tribune.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/**
 * Export, then restore into the same instance emptied (a database and a media directory of this test's own): every
 * resource, revision and media file comes back identical. The PostgreSQL run does the same on PostgreSQL;
 * scripts/h2-to-postgresql.sh moves a site from H2 to PostgreSQL across two instances.
 */
@QuarkusTest
@TestProfile(BackupRoundTripTest.OwnSite.class)
class BackupRoundTripTest extends ApiTestSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final Path DATA = Path.of("target/backup-" + RUN);

    public static class OwnSite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ApiTestSupport.ownInstance("backup", RUN, Map.of());
        }
    }

    @Inject
    org.tribune.media.BlobStore blobs;

    @Inject
    DataSource dataSource;

    @Test
    void aSiteRestoredFromItsArchiveServesEveryResourceRevisionAndFileUnchanged() throws Exception {
        String admin = token(Roles.ADMIN);
        String u = fillSite();
        String webhook = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/sauvegarde", "eventTypes", List.of("post.upsert")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("webhook.id");
        Map<String, String> before = SiteSnapshot.take(() -> given().auth().oauth2(admin));
        List<Object> foundBefore = given().get("/api/v1/search?q=publié&size=100")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(foundBefore).isNotEmpty();
        byte[] archive = given().auth()
                .oauth2(admin)
                .get("/api/v1/admin/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();

        long headAtExport = changeLogHead();
        String syncedBeforeImport = syncChanges(null, given(), item -> {});
        emptySite(admin);
        given().auth().oauth2(admin).get("/api/v1/posts").then().body("totalItems", equalTo(0));

        Response restored = given().auth()
                .oauth2(admin)
                .contentType("application/zip")
                .body(archive)
                .post("/api/v1/admin/import");
        restored.then().log().ifValidationFails().statusCode(200).contentType("application/json");
        Map<String, Integer> archived = new HashMap<>();
        ArchiveBytes.of(archive)
                .manifest()
                .get("tables")
                .forEach(t -> archived.put(t.get("name").asText(), t.get("rows").asInt()));
        assertThat(restored.jsonPath().getMap("rows", String.class, Integer.class))
                .isEqualTo(archived);
        assertThat(archived.get("post")).isGreaterThanOrEqualTo(5);
        assertThat(archived.get("slug_history")).isGreaterThanOrEqualTo(1);
        assertThat(archived.get("site_settings")).isEqualTo(1);
        given().get("/api/v1/site").then().body("name", equalTo("Site sauvegardé " + u));
        given().redirects()
                .follow(false)
                .get("/api/v1/posts/slug/publie-" + u)
                .then()
                .statusCode(301)
                .header("Location", endsWith("/api/v1/posts/slug/publie-corrige-" + u));
        assertThat(restored.jsonPath().getInt("files")).isGreaterThanOrEqualTo(2);

        // A number neither site has shown: what any instance cached before the import cannot look current.
        assertThat(changeLogHead()).isGreaterThan(headAtExport);
        // The log is the archive's now: a client synced before must start again, and then holds every public post.
        given().queryParam("after", syncedBeforeImport)
                .get("/api/v1/changes")
                .then()
                .statusCode(410)
                .body("type", equalTo("urn:tribune:problem:gone"));
        Set<Object> synced = new HashSet<>();
        syncChanges(null, given(), item -> {
            if (item.get("type").equals("post") && item.get("action").equals("upsert")) {
                synced.add(item.get("id"));
            } else if (item.get("type").equals("post")) {
                synced.remove(item.get("id"));
            }
        });
        assertThat(synced)
                .containsExactlyInAnyOrderElementsOf(
                        given().get("/api/v1/posts?size=100").then().extract().<List<Object>>path("items.id"));
        Map<String, String> after = SiteSnapshot.take(() -> given().auth().oauth2(admin));
        // The search index is rebuilt from the restored content (its log is another one now), on either engine.
        assertThat(given().get("/api/v1/search?q=publié&size=100")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<Object>>path("items.id"))
                .containsExactlyInAnyOrderElementsOf(foundBefore);
        assertThat(SiteSnapshot.differences(before, after)).isEmpty();
        assertThat(before.keySet())
                .anyMatch(url -> url.contains("/revisions/"))
                .anyMatch(url -> url.contains("/file?size=thumbnail"))
                .anyMatch(url -> url.startsWith("/api/v1/trash/posts"));

        // The endpoint comes back without a secret, which no archive holds: nothing is sent until one is rotated.
        given().auth()
                .oauth2(admin)
                .get("/api/v1/webhooks/" + webhook)
                .then()
                .statusCode(200)
                .body("url", equalTo("http://127.0.0.1:9/sauvegarde"))
                .body("secretHint", nullValue())
                .body("disabledReason", containsString("backup"));
        given().auth()
                .oauth2(admin)
                .post("/api/v1/webhooks/" + webhook + "/ping")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(admin)
                .post("/api/v1/webhooks/" + webhook + "/rotate-secret")
                .then()
                .statusCode(200)
                .body("webhook.secretHint", startsWith("whsec_"))
                .body("webhook.disabledReason", nullValue());
        given().auth()
                .oauth2(admin)
                .delete("/api/v1/webhooks/" + webhook)
                .then()
                .statusCode(204);

        given().auth()
                .oauth2(admin)
                .contentType("application/zip")
                .body(archive)
                .post("/api/v1/admin/import")
                .then()
                .statusCode(409);
    }

    @Test
    void anArchiveWhosePhotoWasSwappedAndResealedIs400AndLeavesTheEmptySiteEmpty() throws Exception {
        String admin = token(Roles.ADMIN);
        String media = uploadImage();
        createPost(Map.of("title", "Photo " + unique(), "content", "<p>x</p>", "featuredMedia", media));
        byte[] genuine = given().auth()
                .oauth2(admin)
                .get("/api/v1/admin/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        emptySite(admin);

        ArchiveBytes forged = ArchiveBytes.of(genuine);
        String original = forged.entries.keySet().stream()
                .filter(n -> n.startsWith("media/" + media + "/original"))
                .findFirst()
                .orElseThrow();
        forged.entries.put(
                original, ArchiveBytes.of(genuine).entries.get(original).clone());
        forged.entries.get(original)[forged.entries.get(original).length / 2] ^= 1;
        given().auth()
                .oauth2(admin)
                .contentType("application/zip")
                .body(forged.resealed().zip())
                .post("/api/v1/admin/import")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("archive"))
                .body("errors[0].message", containsString(media));

        ArchiveBytes badValue = ArchiveBytes.of(genuine);
        badValue.entries.put(
                "data/post.json",
                new String(badValue.entries.get("data/post.json"), "UTF-8")
                        .replaceFirst("\"published\"", "42")
                        .getBytes("UTF-8"));
        given().auth()
                .oauth2(admin)
                .contentType("application/zip")
                .body(badValue.resealed().zip())
                .post("/api/v1/admin/import")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("column status: not a text"));

        given().auth().oauth2(admin).get("/api/v1/posts").then().body("totalItems", equalTo(0));
        given().auth().oauth2(admin).get("/api/v1/media").then().body("totalItems", equalTo(0));
        assertThat(blobs.prefixesOlderThan(Instant.now().plus(1, ChronoUnit.DAYS)))
                .as("no media file left")
                .isEmpty();
        given().auth()
                .oauth2(admin)
                .contentType("application/zip")
                .body(genuine)
                .post("/api/v1/admin/import")
                .then()
                .statusCode(200);
        given().get("/api/v1/media/" + media + "/file").then().statusCode(200);
    }

    /** A bit of everything: a category tree, drafts, schedules, the trash, revisions, photos, honors, accounts. */
    /** Returns the mark of the names it gave. */
    private static String fillSite() {
        String u = unique();
        String parent = createCategory("Droits " + u);
        String child = createCategory(Map.of("name", "Citoyens " + u, "parent", parent));
        String photo = uploadImage();
        String portrait = uploadImage();
        String published = createPost(Map.of(
                "title",
                "Publié " + u,
                "content",
                "<p>Un <em>texte</em></p>",
                "categories",
                List.of(child),
                "tags",
                List.of("liberté"),
                "featuredMedia",
                photo,
                "gallery",
                List.of(photo, portrait)));
        mergePatch()
                .body(Map.of("excerpt", "Deuxième version"))
                .patch("/api/v1/posts/" + published)
                .then()
                .statusCode(200);
        mergePatch()
                .body(Map.of("title", "Publié, corrigé " + u, "slug", "publie-corrige-" + u))
                .patch("/api/v1/posts/" + published)
                .then()
                .statusCode(200);
        mergePatchAs(token(Roles.ADMIN))
                .body(Map.of("name", "Site sauvegardé " + u, "baseUrl", "https://sauvegarde.example.org"))
                .patch("/api/v1/site")
                .then()
                .statusCode(200);
        ApiTestSupport.TestAccount author = newAccount(Roles.AUTHOR);
        as(author.token())
                .body(Map.of("title", "Brouillon " + u, "content", "<p>à relire</p>"))
                .post("/api/v1/posts")
                .then()
                .statusCode(201);
        createPost(Map.of(
                "title",
                "Programmé " + u,
                "content",
                "<p>demain</p>",
                "status",
                "scheduled",
                "publishedAt",
                Instant.now().plus(3650, ChronoUnit.DAYS).toString()));
        String trashed = createPost(Map.of("title", "Jeté " + u, "content", "<p>x</p>"));
        editor().delete("/api/v1/posts/" + trashed).then().statusCode(204);
        String citizen = json().body(Map.of(
                        "name",
                        "Citoyenne " + u,
                        "description",
                        "Défenseuse des droits",
                        "country",
                        "FR",
                        "conferredOn",
                        "2025-03-01",
                        "vote",
                        "unanimous",
                        "portrait",
                        portrait,
                        "relatedPosts",
                        List.of(published)))
                .post("/api/v1/honorary-citizens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String prize = json().body(Map.of("name", "Prix " + u))
                .post("/api/v1/prizes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        json().body(Map.of(
                        "prize",
                        prize,
                        "year",
                        2025,
                        "category",
                        "Prix français",
                        "distinction",
                        "laureate",
                        "recipientName",
                        "Lauréate " + u,
                        "photo",
                        photo,
                        "relatedPosts",
                        List.of(published)))
                .post("/api/v1/awards")
                .then()
                .statusCode(201);
        createPost(Map.of("title", "Lié " + u, "content", "<p>x</p>", "honoraryCitizens", List.of(citizen)));
        as(token(Roles.ADMIN))
                .body(Map.of("name", "Intégration " + u, "role", "reader"))
                .post("/api/v1/api-tokens")
                .then()
                .statusCode(201);
        return u;
    }

    /** Leaves the site as a new instance is: no rows but the first admin's account, no media files. */
    private long changeLogHead() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT last_seq FROM change_log_head")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void emptySite(String adminToken) throws SQLException, IOException {
        String adminId = given().auth()
                .oauth2(adminToken)
                .get("/api/v1/users/me")
                .then()
                .extract()
                .path("id");
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            List<Tables.Table> tables = Tables.read(c);
            for (Tables.Table t : tables) {
                if (t.parentColumn() != null) {
                    st.executeUpdate("UPDATE " + t.name() + " SET " + t.parentColumn() + " = NULL");
                }
            }
            // A new instance has its settings' row (made by the migration), without an image.
            st.executeUpdate("UPDATE site_settings SET default_image_id = NULL");
            for (int i = tables.size() - 1; i >= 0; i--) {
                String name = tables.get(i).name();
                if (name.equals("site_settings")) {
                    continue;
                }
                st.executeUpdate(
                        "DELETE FROM " + name + (name.equals("app_user") ? " WHERE id <> '" + adminId + "'" : ""));
            }
        }
        for (String stored : blobs.prefixesOlderThan(Instant.now().plus(1, ChronoUnit.DAYS))) {
            blobs.deleteAll(stored);
        }
    }
}
