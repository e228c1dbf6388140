package org.tribune.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

/** What a crash between storing the files and committing the row leaves behind is removed at the next start. */
@QuarkusTest
class OrphanSweepTest extends ApiTestSupport {

    @Inject
    MediaService media;

    @Inject
    BlobStore blobs;

    @Test
    void filesThatNoMediaRowRefersToAreRemovedOnceTheyAreOldEnough() throws Exception {
        String kept = uploadImage();
        String orphan = UUID.randomUUID().toString();
        Path interrupted = Files.createTempFile("interrupted-", ".jpg");
        Files.writeString(interrupted, "interrupted upload");
        blobs.put(orphan + "/original.jpg", interrupted);

        // Files younger than the cut may belong to an upload another instance is still saving: they stay.
        media.sweepOrphans(Instant.now().minus(1, ChronoUnit.HOURS));
        assertThat(blobs.get(orphan + "/original.jpg")).isPresent();

        media.sweepOrphans(Instant.now().plus(1, ChronoUnit.MINUTES));
        assertThat(blobs.get(orphan + "/original.jpg")).isEmpty();
        assertThat(blobs.get(kept + "/original.png"))
                .as("a file its row refers to")
                .isPresent();
    }
}
