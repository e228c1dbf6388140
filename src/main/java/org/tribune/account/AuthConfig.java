package org.tribune.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "tribune.auth")
public interface AuthConfig {

    /** How long an access token from POST /api/v1/auth/token stays valid. */
    @WithDefault("PT1H")
    Duration tokenLifetime();

    /** bcrypt cost: each step doubles the time a password check takes, for us and for an attacker. */
    @WithDefault("12")
    int bcryptCost();

    /**
     * A PEM file holding the private key (PKCS#8, EC P-256 or RSA of 2048 bits or more) and its public key, which
     * sign access tokens. When absent, Tribune generates one under the data directory.
     */
    Optional<Path> jwtKeyFile();

    /**
     * The same PEM as text, for platforms that hand secrets over in environment variables (TRIBUNE_AUTH_JWT_KEY);
     * it wins over the file.
     */
    Optional<String> jwtKey();

    /**
     * The PUBLIC KEY blocks (PEM) of keys signed with before a rotation (TRIBUNE_AUTH_JWT_PREVIOUS_KEYS): tokens
     * they signed stay valid until they expire, and the JWK set lists them meanwhile.
     */
    Optional<String> jwtPreviousKeys();

    /** Failed sign-ins for one username, or from one client address, before further attempts get 429. */
    @WithDefault("5")
    int maxFailures();

    /** The period over which failed sign-ins are counted. */
    @WithDefault("PT15M")
    Duration failureWindow();
}
