package org.tribune.fulltext;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.tribune.ApiTestSupport;

/**
 * For tests that leave a Lucene index in a site's data directory before it starts, and check what it became. They
 * run on H2 only: the application is built for one engine, and PostgreSQL's documents live in the database.
 */
abstract class SearchIndexOnDiskSupport extends ApiTestSupport {

    /** Writes into {@code <data-dir>/search-index} before the application starts. */
    abstract static class IndexLeftOnDisk implements QuarkusTestResourceLifecycleManager {

        abstract Path dataDir();

        abstract void leave(Path index) throws IOException;

        @Override
        public Map<String, String> start() {
            try {
                leave(dataDir().resolve("search-index"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
            // The directory is the test's own, under target/.
        }
    }

    static void aNewPostIsFoundBy(String word) {
        String id = createPost(
                Map.of("title", "Un billet de ce site : " + word, "content", "<p>x</p>", "status", "published"));
        assertThat(given().queryParam("q", word)
                        .get("/api/v1/search")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id", String.class))
                .containsExactly(id);
    }
}
