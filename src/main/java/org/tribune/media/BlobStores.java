package org.tribune.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** The store TRIBUNE_MEDIA_STORAGE names: the local directory, or an S3-compatible bucket. */
@ApplicationScoped
class BlobStores {

    @Produces
    @ApplicationScoped
    BlobStore blobStore(MediaConfig config) {
        if (!config.serving().equals("stream") && !config.serving().equals("redirect")) {
            throw new IllegalStateException(
                    "TRIBUNE_MEDIA_SERVING is " + config.serving() + "; it must be stream or redirect");
        }
        if (config.serving().equals("redirect") && !config.storage().equals("s3")) {
            throw new IllegalStateException(
                    "TRIBUNE_MEDIA_SERVING=redirect needs TRIBUNE_MEDIA_STORAGE=s3: files on a local directory"
                            + " have no URL of their own to redirect to");
        }
        return switch (config.storage()) {
            case "local" -> new LocalBlobStore(config.storageDir());
            case "s3" -> S3BlobStore.of(config.s3());
            default ->
                throw new IllegalStateException(
                        "TRIBUNE_MEDIA_STORAGE is " + config.storage() + "; it must be local or s3");
        };
    }

    void close(@Disposes BlobStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
