package org.tribune.account;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Builds {@link SigningKeys} outside the application, to forge tokens in tests. */
final class TestKeys {

    private TestKeys() {}

    static AuthConfig config(Path keyFile) {
        return config(keyFile, null, null);
    }

    static AuthConfig config(Path keyFile, String key, String previousKeys) {
        return new AuthConfig() {
            @Override
            public Optional<String> jwtKey() {
                return Optional.ofNullable(key);
            }

            @Override
            public Optional<String> jwtPreviousKeys() {
                return Optional.ofNullable(previousKeys);
            }

            @Override
            public Duration tokenLifetime() {
                return Duration.ofHours(1);
            }

            @Override
            public int bcryptCost() {
                return 4;
            }

            @Override
            public Optional<Path> jwtKeyFile() {
                return Optional.ofNullable(keyFile);
            }

            @Override
            public int maxFailures() {
                return 5;
            }

            @Override
            public Duration failureWindow() {
                return Duration.ofMinutes(15);
            }
        };
    }

    /** The keys the test application signs with: the file it generated in its data directory. */
    static SigningKeys applicationKeys() {
        return new SigningKeys(config(null), Path.of("target/test-data"));
    }
}
