package org.tribune.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** An instance that cannot write media must not receive uploads: it is not ready. */
@Readiness
@ApplicationScoped
public class MediaStorageHealth implements HealthCheck {

    private final BlobStore blobs;

    public MediaStorageHealth(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            blobs.checkWritable();
            return HealthCheckResponse.up("media storage");
        } catch (IOException | RuntimeException e) {
            return HealthCheckResponse.named("media storage")
                    .down()
                    .withData("error", "not writable")
                    .build();
        }
    }
}
