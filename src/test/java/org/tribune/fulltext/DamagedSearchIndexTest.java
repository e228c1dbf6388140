package org.tribune.fulltext;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.tribune.ApiTestSupport;

/** A Lucene index that cannot be read (a disk that filled up, a copy cut short) is only derived data: rebuilt. */
@QuarkusTest
@DisabledIfSystemProperty(
        named = "tribune.test.postgresql-url",
        matches = ".+",
        disabledReason = "PostgreSQL keeps its documents in the database")
@TestProfile(DamagedSearchIndexTest.WithADamagedIndex.class)
class DamagedSearchIndexTest extends SearchIndexOnDiskSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    public static class WithADamagedIndex implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ApiTestSupport.ownInstance("damaged-index", RUN, Map.of());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DamagedIndex.class));
        }
    }

    /** A commit point whose bytes are not Lucene's. */
    public static class DamagedIndex extends IndexLeftOnDisk {
        @Override
        Path dataDir() {
            return Path.of("target/damaged-index-" + RUN);
        }

        @Override
        void leave(Path index) throws IOException {
            Files.createDirectories(index);
            Files.writeString(index.resolve("segments_2"), "not an index", StandardCharsets.UTF_8);
        }
    }

    @Test
    void anUnreadableIndexIsRebuiltAndSearchesWork() {
        aNewPostIsFoundBy("zqintact" + RUN.replaceAll("[0-9]", "k"));
    }
}
