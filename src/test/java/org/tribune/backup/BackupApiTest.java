package org.tribune.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/** Export and the checks an import makes before anything else, on the shared test instance (which has content). */
@QuarkusTest
class BackupApiTest extends ApiTestSupport {

    private static byte[] export() {
        return given().auth()
                .oauth2(token(Roles.ADMIN))
                .get("/api/v1/admin/export")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", startsWith("attachment; filename=\"tribune-"))
                .header("Cache-Control", "no-store")
                .extract()
                .asByteArray();
    }

    private static Response importing(byte[] archive) {
        return given().auth()
                .oauth2(token(Roles.ADMIN))
                .contentType("application/zip")
                .body(archive)
                .post("/api/v1/admin/import");
    }

    @Test
    void exportHoldsEveryTableAndMediaFileWithAManifestOfTheirChecksums() {
        String media = uploadImage();
        String post =
                createPost(Map.of("title", "Sauvegardé " + unique(), "content", "<p>x</p>", "gallery", List.of(media)));
        mergePatch()
                .body(Map.of("excerpt", "Deuxième version"))
                .patch("/api/v1/posts/" + post)
                .then()
                .statusCode(200);

        ArchiveBytes archive = ArchiveBytes.of(export());

        JsonNode manifest = archive.manifest();
        assertThat(manifest.get("format").asText()).isEqualTo("tribune-archive");
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(manifest.get("tribuneVersion").asText()).isNotBlank();
        assertThat(manifest.get("schemaVersion").asText()).isNotBlank();
        Set<String> listed = new HashSet<>();
        for (JsonNode entry : manifest.get("entries")) {
            byte[] content = archive.entries.get(entry.get("path").asText());
            assertThat(content).as(entry.get("path").asText()).isNotNull();
            assertThat(content.length).isEqualTo(entry.get("size").asInt());
            assertThat(SiteSnapshot.sha256(content))
                    .isEqualTo(entry.get("sha256").asText());
            listed.add(entry.get("path").asText());
        }
        assertThat(listed).hasSize(archive.entries.size() - 1);
        assertThat(listed)
                .contains(
                        "data/post.json",
                        "data/post_revision.json",
                        "data/media.json",
                        "data/category.json",
                        "data/honorary_citizen.json",
                        "data/award.json",
                        "data/app_user.json",
                        "data/api_token.json")
                .doesNotContain("data/sign_in_failure.json", "data/flyway_schema_history.json");

        String posts = new String(archive.entries.get("data/post.json"), StandardCharsets.UTF_8);
        assertThat(posts).contains(post, "Deuxième version");
        JsonNode revisions = archive.json("data/post_revision.json").get("rows");
        int postColumn = columnIndex(archive.json("data/post_revision.json"), "post_id");
        assertThat(countWhere(revisions, postColumn, post)).isEqualTo(2);

        String checksum =
                editor().get("/api/v1/media/" + media).then().extract().path("checksum");
        byte[] original = archive.entries.entrySet().stream()
                .filter(e -> e.getKey().startsWith("media/" + media + "/original"))
                .findFirst()
                .orElseThrow()
                .getValue();
        assertThat(SiteSnapshot.sha256(original)).isEqualTo(checksum);
        assertThat(manifest.get("files").asInt()).isEqualTo((int) archive.entries.keySet().stream()
                .filter(n -> n.startsWith("media/"))
                .count());
    }

    @Test
    void importIntoAnInstanceWithContentIs409AndChangesNothing() {
        String post = createPost(Map.of("title", "Déjà là " + unique(), "content", "<p>x</p>"));
        String etag = editor().get("/api/v1/posts/" + post).then().extract().header("ETag");
        long users = given().auth()
                .oauth2(token(Roles.ADMIN))
                .get("/api/v1/users")
                .then()
                .extract()
                .jsonPath()
                .getLong("totalItems");

        importing(export())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tribune:problem:conflict"))
                .body("detail", containsString("already holds content"));

        editor().get("/api/v1/posts/" + post).then().statusCode(200).header("ETag", etag);
        given().auth().oauth2(token(Roles.ADMIN)).get("/api/v1/users").then().body("totalItems", equalTo((int) users));
    }

    @Test
    void damagedOrChangedArchivesAre400NamingTheArchiveBeforeAnythingElse() {
        createPost(Map.of("title", "Témoin " + unique(), "content", "<p>x</p>"));
        byte[] genuine = export();
        ArchiveBytes archive = ArchiveBytes.of(genuine);

        ArchiveBytes changedPost = archive.copy();
        changedPost.entries.put(
                "data/post.json",
                new String(archive.entries.get("data/post.json"), StandardCharsets.UTF_8)
                        .replace("Témoin", "Faussaire")
                        .getBytes(StandardCharsets.UTF_8));
        ArchiveBytes extra = archive.copy();
        extra.entries.put("media/00000000-0000-0000-0000-000000000000/original.png", new byte[] {1, 2, 3});
        ArchiveBytes missing = archive.copy();
        missing.entries.remove("data/category.json");
        ArchiveBytes noManifest = archive.copy();
        noManifest.entries.remove("manifest.json");
        ArchiveBytes otherFormat = archive.copy();
        otherFormat.entries.put(
                "manifest.json",
                ((ObjectNode) archive.manifest())
                        .put("formatVersion", 2)
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));

        Map<String, byte[]> cases = Map.of(
                "not a zip", "{\"posts\": []}".getBytes(StandardCharsets.UTF_8),
                "cut short", Arrays.copyOf(genuine, genuine.length / 2),
                "a changed post", changedPost.zip(),
                "an entry the manifest does not list", extra.zip(),
                "an entry the manifest lists but lacks", missing.zip(),
                "no manifest", noManifest.zip(),
                "a newer format", otherFormat.zip());
        cases.forEach((name, body) -> importing(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tribune:problem:validation"))
                .body("errors[0].field", equalTo("archive")));
        importing(changedPost.zip()).then().body("errors[0].message", containsString("data/post.json"));
        importing(new byte[0]).then().statusCode(400).body("errors[0].field", equalTo("archive"));
    }

    @Test
    void onlyAdminsExportAndImport() {
        given().auth()
                .oauth2(token(Roles.EDITOR))
                .get("/api/v1/admin/export")
                .then()
                .statusCode(403);
        given().get("/api/v1/admin/export").then().statusCode(401);
        given().auth()
                .oauth2(token(Roles.EDITOR))
                .contentType("application/zip")
                .body(new byte[] {1})
                .post("/api/v1/admin/import")
                .then()
                .statusCode(403);
    }

    @Test
    void anArchiveSentAsAnotherTypeIs415() {
        given().auth()
                .oauth2(token(Roles.ADMIN))
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/admin/import")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    static int columnIndex(JsonNode table, String column) {
        int i = 0;
        for (JsonNode c : table.get("columns")) {
            if (c.get("name").asText().equals(column)) {
                return i;
            }
            i++;
        }
        throw new AssertionError("no column " + column);
    }

    private static int countWhere(JsonNode rows, int column, String value) {
        int n = 0;
        for (JsonNode row : rows) {
            if (row.get(column).asText().equals(value)) {
                n++;
            }
        }
        return n;
    }
}
