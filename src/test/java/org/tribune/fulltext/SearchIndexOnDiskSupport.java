package org.tribune.fulltext;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
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

    /** An index holding one post with {@code word} in its title, committed with {@code commitData}. */
    static void indexWithOnePost(Path index, IndexWriterConfig config, String word, Map<String, String> commitData)
            throws IOException {
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(index), config)) {
            writer.addDocument(LuceneSearchEngine.document(new SearchDocument(
                    "post",
                    UUID.randomUUID(),
                    "autre-site",
                    "Un billet d'un autre site : " + word,
                    "",
                    "",
                    "fr",
                    "published",
                    Instant.parse("2020-01-01T00:00:00Z"),
                    Instant.parse("2020-01-01T00:00:00Z"),
                    2020,
                    Set.of(),
                    List.of(),
                    Set.of(),
                    Set.of(),
                    "un billet d'un autre site")));
            writer.setLiveCommitData(commitData.entrySet());
            writer.commit();
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
