package org.tribune.account;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.tribune.common.Clock;
import org.tribune.security.InvalidToken;

/** Signed JWT access tokens, through Nimbus JOSE + JWT. */
@ApplicationScoped
public class AccessTokens {

    static final String ISSUER = "tribune";
    static final String ROLE = "role";
    static final String TOKEN_VERSION = "tv";
    /** Tolerated difference between the clocks of instances. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final SigningKeys keys;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, AuthConfig config, Clock clock) {
        this.keys = keys;
        this.lifetime = config.tokenLifetime();
        this.clock = clock;
    }

    public record Claims(UUID accountId, String role, int tokenVersion) {}

    public String issue(Account account) {
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(account.id.toString())
                .claim(ROLE, account.role.name())
                .claim(TOKEN_VERSION, account.tokenVersion)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(keys.algorithm())
                        .type(JOSEObjectType.JWT)
                        .keyID(keys.keyId())
                        .build(),
                claims);
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an access token failed", e);
        }
        return jwt.serialize();
    }

    public long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    /** Checks the signature, the algorithm, the issuer and the expiry. Whether the account still allows it is the caller's concern. */
    public Claims verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw InvalidToken.because("The bearer token is malformed.");
        }
        try {
            // The algorithm is ours to choose, never the token's: this shuts out "none" and key-confusion attacks.
            String kid = jwt.getHeader().getKeyID() == null
                    ? keys.keyId()
                    : jwt.getHeader().getKeyID();
            SigningKeys.Verification key = keys.verification(kid)
                    .orElseThrow(() -> InvalidToken.because("The access token was not signed by this server."));
            if (!key.algorithm().equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(key.verifier())) {
                throw InvalidToken.because("The access token was not signed by this server.");
            }
        } catch (JOSEException e) {
            throw InvalidToken.because("The access token was not signed by this server.");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || expiry.toInstant().plus(CLOCK_SKEW).isBefore(clock.now())) {
            throw InvalidToken.because("The access token has expired. Sign in again.");
        }
        try {
            if (!ISSUER.equals(claims.getIssuer()) || claims.getSubject() == null) {
                throw InvalidToken.because("The access token was not issued by this server.");
            }
            Integer version = claims.getIntegerClaim(TOKEN_VERSION);
            String role = claims.getStringClaim(ROLE);
            if (version == null || role == null) {
                throw InvalidToken.because("The access token is malformed.");
            }
            return new Claims(UUID.fromString(claims.getSubject()), role, version);
        } catch (ParseException | IllegalArgumentException e) {
            throw InvalidToken.because("The access token is malformed.");
        }
    }
}
