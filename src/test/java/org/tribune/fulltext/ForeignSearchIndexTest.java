package org.tribune.fulltext;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.index.IndexWriterConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.tribune.ApiTestSupport;

/**
 * A Lucene index left in the data directory by another site (a data directory copied, a database swapped under
 * it): its commit names entry 0 of epoch 0, as a fresh site's log would, but not the same entry. The index must be
 * rebuilt from this site's database, not trusted.
 */
@QuarkusTest
@DisabledIfSystemProperty(
        named = "tribune.test.postgresql-url",
        matches = ".+",
        disabledReason = "PostgreSQL keeps its documents in the database")
@TestProfile(ForeignSearchIndexTest.WithAnotherSitesIndex.class)
class ForeignSearchIndexTest extends SearchIndexOnDiskSupport {

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

    /** The other site's index, with one post this site does not have. */
    public static class AnotherSitesIndex extends IndexLeftOnDisk {
        @Override
        Path dataDir() {
            return Path.of("target/foreign-index-" + RUN);
        }

        @Override
        void leave(Path index) throws IOException {
            indexWithOnePost(
                    index,
                    LuceneSearchEngine.writerConfig(IndexWriterConfig.OpenMode.CREATE),
                    FOREIGN_WORD,
                    Map.of(
                            LuceneSearchEngine.SEQ,
                            "0",
                            LuceneSearchEngine.EPOCH,
                            "0",
                            LuceneSearchEngine.MARK,
                            UUID.randomUUID() + "@2020-01-01T00:00:00Z",
                            LuceneSearchEngine.FORMAT,
                            LuceneSearchEngine.FORMAT_VERSION));
        }
    }

    @Test
    void anIndexWrittenForAnotherDatabaseIsRebuiltFromThisOne() {
        given().queryParam("q", FOREIGN_WORD)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        aNewPostIsFoundBy("zqpropre" + RUN.replaceAll("[0-9]", "k"));
    }
}
