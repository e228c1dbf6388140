package org.tribune.media;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A real S3 API against the BlobStore contract: the S3Proxy that scripts/s3proxy.sh starts (and .ci/run with it),
 * with the credentials it prints. Skipped without TRIBUNE_TEST_S3_ENDPOINT.
 */
@EnabledIfEnvironmentVariable(named = "TRIBUNE_TEST_S3_ENDPOINT", matches = ".+")
class S3BlobStoreTest extends BlobStoreContract {

    private static final String BUCKET = "tribune-contract";
    private static S3BlobStore store;

    static MediaConfig.S3 settings(String bucket, String keyPrefix) {
        return new MediaConfig.S3() {
            @Override
            public Optional<String> bucket() {
                return Optional.of(bucket);
            }

            @Override
            public Optional<String> region() {
                return Optional.empty();
            }

            @Override
            public Optional<URI> endpoint() {
                return Optional.of(URI.create(System.getenv("TRIBUNE_TEST_S3_ENDPOINT")));
            }

            @Override
            public boolean pathStyle() {
                return true;
            }

            @Override
            public Optional<String> keyPrefix() {
                return Optional.ofNullable(keyPrefix);
            }

            @Override
            public boolean createBucket() {
                return true;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
    }

    @BeforeAll
    static void createBucket() {
        store = S3BlobStore.of(settings(BUCKET, "contract"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    BlobStore store() {
        return store;
    }
}
