package org.tribune.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.tribune.persistence.NotAChange;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiToken, UUID> {

    public Optional<ApiToken> findBySecretHash(String hash) {
        return find("secretHash", hash).firstResultOptional();
    }

    /** Use is recorded at most this often per token, so that a busy pipeline does not turn every read into a write. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    /** The condition repeats the caller's check, so that instances racing on one token write once. */
    @NotAChange("using a token is reading, not editing it")
    public void touch(UUID id, Instant now) {
        update(
                "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                now,
                id,
                now.minus(TOUCH_INTERVAL));
    }
}
