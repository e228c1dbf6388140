package org.tribune.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

    @Test
    void filesThatNoMediaRowRefersToAreRemovedOnceTheyAreOldEnough() throws Exception {
        String kept = uploadImage();
        Path orphan = MediaApiTest.STORAGE.resolve(UUID.randomUUID().toString());
        Path fresh = MediaApiTest.STORAGE.resolve(UUID.randomUUID().toString());
        for (Path dir : new Path[] {orphan, fresh}) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("original.jpg"), "interrupted upload");
        }
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS));
        Files.setLastModifiedTime(orphan, twoHoursAgo);
        Files.setLastModifiedTime(MediaApiTest.STORAGE.resolve(kept), twoHoursAgo);

        media.sweepOrphans(null);

        assertThat(orphan).doesNotExist();
        // Younger files may belong to an upload another instance is still saving.
        assertThat(fresh).exists();
        assertThat(MediaApiTest.STORAGE.resolve(kept)).exists();
    }
}
