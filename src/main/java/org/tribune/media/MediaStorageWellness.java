package org.tribune.media;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The media storage, shared or not, at /q/health/well: for monitoring, which should page someone when it is down.
 * Load balancers probe /q/health/ready, which does not wait on a shared store (see {@link MediaStorageHealth}).
 */
@Wellness
@ApplicationScoped
public class MediaStorageWellness implements HealthCheck {

    private final BlobStore blobs;

    public MediaStorageWellness(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public HealthCheckResponse call() {
        return MediaStorageHealth.probe(blobs);
    }
}
