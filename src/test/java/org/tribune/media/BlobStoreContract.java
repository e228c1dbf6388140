package org.tribune.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every BlobStore does, whatever keeps the bytes: each implementation's test runs these. */
abstract class BlobStoreContract {

    @TempDir
    Path work;

    abstract BlobStore store();

    private Path file(byte[] bytes) throws Exception {
        Path f = Files.createTempFile(work, "blob-", ".bin");
        Files.write(f, bytes);
        return f;
    }

    private static byte[] read(BlobStore.Blob blob, long offset, long length) throws Exception {
        try (InputStream in = blob.open(offset, length)) {
            return in.readAllBytes();
        }
    }

    private static byte[] photoLike(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aStoredBlobIsReadBackWholeWithItsSize() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] bytes = photoLike(300_000);
        store().put(id + "/original.jpg", file(bytes));

        BlobStore.Blob blob = store().get(id + "/original.jpg").orElseThrow();
        assertThat(blob.size()).isEqualTo(bytes.length);
        assertThat(read(blob, 0, bytes.length)).isEqualTo(bytes);
    }

    @Test
    void aRangeReadsExactlyTheBytesAskedFor() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] bytes = photoLike(10_000);
        store().put(id + "/w640.webp", file(bytes));
        BlobStore.Blob blob = store().get(id + "/w640.webp").orElseThrow();

        assertThat(read(blob, 0, 100)).isEqualTo(Arrays.copyOfRange(bytes, 0, 100));
        assertThat(read(blob, 9_990, 10)).isEqualTo(Arrays.copyOfRange(bytes, 9_990, 10_000));
        assertThat(read(blob, 5_000, 1)).isEqualTo(new byte[] {bytes[5_000]});
    }

    @Test
    void aSecondPutReplacesTheWholeBlob() throws Exception {
        String key = UUID.randomUUID() + "/medium.jpg";
        store().put(key, file(photoLike(50_000)));
        byte[] shorter = "remplacé".getBytes(StandardCharsets.UTF_8);
        store().put(key, file(shorter));

        BlobStore.Blob blob = store().get(key).orElseThrow();
        assertThat(blob.size()).isEqualTo(shorter.length);
        assertThat(read(blob, 0, shorter.length)).isEqualTo(shorter);
    }

    @Test
    void aMissingKeyIsEmptyAndDeletingItIsNoError() throws Exception {
        String key = UUID.randomUUID() + "/original.png";
        assertThat(store().get(key)).isEmpty();
        store().delete(key);
        store().deleteAll(UUID.randomUUID().toString());
    }

    @Test
    void deleteRemovesOneKeyAndDeleteAllEveryKeyOfOneIdAndNothingElse() throws Exception {
        String id = UUID.randomUUID().toString();
        // Another id that starts with the first one's characters must survive a deleteAll of the first.
        String neighbour = id.substring(0, 30) + "ffffff";
        for (String key :
                new String[] {id + "/original.jpg", id + "/w320.jpg", id + "/w320.webp", neighbour + "/original.jpg"}) {
            store().put(key, file(key.getBytes(StandardCharsets.UTF_8)));
        }

        store().delete(id + "/w320.jpg");
        assertThat(store().get(id + "/w320.jpg")).isEmpty();
        assertThat(store().get(id + "/w320.webp")).isPresent();

        store().deleteAll(id);
        assertThat(store().get(id + "/original.jpg")).isEmpty();
        assertThat(store().get(id + "/w320.webp")).isEmpty();
        assertThat(store().get(neighbour + "/original.jpg")).isPresent();
    }

    @Test
    void prefixesOlderThanATimeAreTheIdsWrittenBeforeIt() throws Exception {
        String id = UUID.randomUUID().toString();
        store().put(id + "/original.jpg", file(photoLike(100)));

        assertThat(store().prefixesOlderThan(Instant.now().plus(Duration.ofMinutes(5))))
                .contains(id);
        assertThat(store().prefixesOlderThan(Instant.now().minus(Duration.ofMinutes(5))))
                .doesNotContain(id);
    }

    @Test
    void theStoreSaysItIsWritable() throws Exception {
        store().checkWritable();
    }

    @Test
    void aKeyOutsideTheIdsAndFixedNamesIsRefusedBeforeReachingTheStorage() {
        assertThatThrownBy(() -> store().get("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().put("Media/Photo.JPG", work)).isInstanceOf(IllegalArgumentException.class);
    }
}
