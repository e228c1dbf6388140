package org.tribune.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * An instance whose own media directory cannot be written must not receive uploads: it is not ready, and the load
 * balancer sends requests to the others.
 *
 * <p>A store shared by every instance (S3) is not probed here. When it fails, it fails for all of them alike: taking
 * them all out would turn a media outage into a full one, while the posts, lists and feeds need no media. So they
 * stay ready, answer what needs the store with 503 and Retry-After, and {@link MediaStorageWellness} reports it.
 */
@Readiness
@ApplicationScoped
public class MediaStorageHealth implements HealthCheck {

    static final String NAME = "media storage";

    private final BlobStore blobs;

    public MediaStorageHealth(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public HealthCheckResponse call() {
        if (blobs.shared()) {
            return HealthCheckResponse.named(NAME)
                    .up()
                    .withData("shared", "checked at /q/health/well")
                    .build();
        }
        return probe(blobs);
    }

    static HealthCheckResponse probe(BlobStore blobs) {
        try {
            blobs.checkWritable();
            return HealthCheckResponse.up(NAME);
        } catch (IOException | RuntimeException e) {
            return HealthCheckResponse.named(NAME)
                    .down()
                    .withData("error", blobs.shared() ? "not reachable" : "not writable")
                    .build();
        }
    }
}
