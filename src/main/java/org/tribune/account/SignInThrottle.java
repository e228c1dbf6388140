package org.tribune.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.tribune.common.Clock;

/**
 * Counts failed sign-ins per username and per client address in the database, so that every instance sees the
 * same count. Keys are hashed: a password typed into the username field must not end up stored in clear.
 */
@ApplicationScoped
public class SignInThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Counter failures;

    private final Clock clock;

    public SignInThrottle(AuthConfig config, MeterRegistry metrics, Clock clock) {
        this.clock = clock;
        this.maxFailures = config.maxFailures();
        this.window = config.failureWindow();
        this.failures = metrics.counter("tribune.auth.sign_in_failures");
    }

    /** How long the caller must wait before the next attempt, if either key has used up its failures. */
    @Transactional
    public Optional<Duration> waitBefore(String username, String clientAddress) {
        Instant now = clock.now();
        Duration wait = Duration.ZERO;
        for (String key : List.of(userKey(username), addressKey(clientAddress))) {
            List<Instant> recent = Panache.getEntityManager()
                    .createQuery(
                            "select f.failedAt from SignInFailure f where f.throttleKey = :key and f.failedAt > :since"
                                    + " order by f.failedAt desc",
                            Instant.class)
                    .setParameter("key", key)
                    .setParameter("since", now.minus(window))
                    .setMaxResults(maxFailures)
                    .getResultList();
            if (recent.size() >= maxFailures) {
                // Attempts open again when the oldest of the last maxFailures failures leaves the window.
                Duration w = Duration.between(now, recent.get(maxFailures - 1).plus(window));
                if (w.compareTo(wait) > 0) {
                    wait = w;
                }
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    /** Its own transaction: the sign-in that failed answers with an error, and the count must stay. */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordFailure(String username, String clientAddress) {
        failures.increment();
        Instant now = clock.now();
        var em = Panache.getEntityManager();
        em.createQuery("delete from SignInFailure f where f.failedAt < :before")
                .setParameter("before", now.minus(window))
                .executeUpdate();
        for (String key : List.of(userKey(username), addressKey(clientAddress))) {
            SignInFailure f = new SignInFailure();
            f.id = UUID.randomUUID();
            f.throttleKey = key;
            f.failedAt = now;
            em.persist(f);
        }
    }

    /** A successful sign-in clears its username's failures; the address keeps its count. */
    @Transactional
    public void recordSuccess(String username) {
        Panache.getEntityManager()
                .createQuery("delete from SignInFailure f where f.throttleKey = :key")
                .setParameter("key", userKey(username))
                .executeUpdate();
    }

    private static String userKey(String username) {
        return ApiTokenService.sha256("user:" + username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return ApiTokenService.sha256("address:" + address);
    }
}
