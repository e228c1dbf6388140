package org.tribune.fulltext;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/** A Lucene index that cannot be read (a disk that filled up, a copy cut short) is only derived data: rebuilt. */
@QuarkusTest
@TestProfile(DamagedSearchIndexTest.WithADamagedIndex.class)
class DamagedSearchIndexTest extends ApiTestSupport {

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

    /** A commit point whose bytes are not Lucene's, written before the application starts. */
    public static class DamagedIndex implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Path index = Path.of("target/damaged-index-" + RUN, "search-index");
            try {
                Files.createDirectories(index);
                Files.writeString(index.resolve("segments_2"), "not an index", StandardCharsets.UTF_8);
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
    void anUnreadableIndexIsRebuiltAndSearchesWork() {
        String engine = as(token(Roles.ADMIN))
                .get("/api/v1/search-index")
                .then()
                .extract()
                .path("engine");
        Assumptions.assumeTrue("lucene".equals(engine), "PostgreSQL keeps its documents in the database");

        String w = "zqintact" + RUN.replaceAll("[0-9]", "k");
        String id = createPost(Map.of("title", "Un billet: " + w, "content", "<p>x</p>", "status", "published"));
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
