package org.tribune.media;

import org.junit.jupiter.api.io.TempDir;

/** The storage directory against the BlobStore contract. */
class LocalBlobStoreTest extends BlobStoreContract {

    @TempDir
    java.nio.file.Path root;

    @Override
    BlobStore store() {
        return new LocalBlobStore(root);
    }
}
