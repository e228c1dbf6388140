package org.tribune.fulltext;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/**
 * A Lucene index left in the data directory by another site (a data directory copied, a database swapped under
 * it): its commit names entry 0 of epoch 0, as a fresh site's log would, but not the same entry. The index must be
 * rebuilt from this site's database, not trusted.
 */
@QuarkusTest
@TestProfile(ForeignSearchIndexTest.WithAnotherSitesIndex.class)
class ForeignSearchIndexTest extends ApiTestSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String FOREIGN_WORD = "zqetrangerk";

    public static class WithAnotherSitesIndex implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ApiTestSupport.ownInstance("foreign-index", RUN, Map.of());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AnotherSitesIndex.class));
        }
    }

    /** Writes the other site's index before the application starts. */
    public static class AnotherSitesIndex implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Path index = Path.of("target/foreign-index-" + RUN, "search-index");
            try (IndexWriter writer =
                    new IndexWriter(FSDirectory.open(index), new IndexWriterConfig(LuceneAnalysis.PER_FIELD))) {
                writer.addDocument(LuceneSearchEngine.document(new SearchDocument(
                        "post",
                        UUID.randomUUID(),
                        "autre-site",
                        "Un billet d'un autre site: " + FOREIGN_WORD,
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
                writer.setLiveCommitData(Map.of(
                                LuceneSearchEngine.SEQ,
                                "0",
                                LuceneSearchEngine.EPOCH,
                                "0",
                                LuceneSearchEngine.MARK,
                                UUID.randomUUID() + "@2020-01-01T00:00:00Z",
                                LuceneSearchEngine.FORMAT,
                                LuceneSearchEngine.FORMAT_VERSION)
                        .entrySet());
                writer.commit();
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

    @Test
    void anIndexWrittenForAnotherDatabaseIsRebuiltFromThisOne() {
        String engine = as(token(Roles.ADMIN))
                .get("/api/v1/search-index")
                .then()
                .extract()
                .path("engine");
        Assumptions.assumeTrue("lucene".equals(engine), "PostgreSQL keeps its documents in the database");

        given().queryParam("q", FOREIGN_WORD)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        String w = "zqpropre" + RUN.replaceAll("[0-9]", "k");
        String id =
                createPost(Map.of("title", "Un billet de ce site: " + w, "content", "<p>x</p>", "status", "published"));
        assertThat(given().queryParam("q", w)
                        .get("/api/v1/search")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id", String.class))
                .containsExactly(id);
    }
}
