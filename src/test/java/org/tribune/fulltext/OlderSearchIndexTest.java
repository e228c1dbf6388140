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
 * An index left by an earlier version of Tribune, in format 2: not sorted newest first, which Lucene refuses to open
 * with the sort the search window needs. An upgrade must rebuild it, not fail to start.
 */
@QuarkusTest
@DisabledIfSystemProperty(
        named = "tribune.test.postgresql-url",
        matches = ".+",
        disabledReason = "PostgreSQL keeps its documents in the database")
@TestProfile(OlderSearchIndexTest.WithAnOlderIndex.class)
class OlderSearchIndexTest extends SearchIndexOnDiskSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String OLD_WORD = "zqancienk";

    public static class WithAnOlderIndex implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ApiTestSupport.ownInstance("older-index", RUN, Map.of());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IndexOfFormat2.class));
        }
    }

    public static class IndexOfFormat2 extends IndexLeftOnDisk {
        @Override
        Path dataDir() {
            return Path.of("target/older-index-" + RUN);
        }

        @Override
        void leave(Path index) throws IOException {
            indexWithOnePost(
                    index,
                    new IndexWriterConfig(LuceneAnalysis.PER_FIELD),
                    OLD_WORD,
                    Map.of(LuceneSearchEngine.SEQ, "0", LuceneSearchEngine.EPOCH, "0", LuceneSearchEngine.FORMAT, "2"));
        }
    }

    @Test
    void anIndexOfAnEarlierFormatIsRebuiltAtStart() {
        given().queryParam("q", OLD_WORD)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        aNewPostIsFoundBy("zqrefait" + RUN.replaceAll("[0-9]", "k"));
    }
}
