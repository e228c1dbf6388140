package org.tribune.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.tribune.common.Clock;

/**
 * Since when a representation has had its current ETag: its Last-Modified. Deriving it from the entity's own
 * {@code updatedAt} misses every change that comes from elsewhere (a renamed category in a post, a post going public
 * in a category's count); the ETag sees them all, so the time it last changed is the one a client may compare with.
 */
@ApplicationScoped
public class RepresentationHistory {

    private final EntityManager em;
    private final Clock clock;

    public RepresentationHistory(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * The time the representation at {@code key} took the ETag {@code etag}, recording now if it is new. HTTP dates
     * have whole seconds: a new ETag gets a later second than the one it replaces, or a client holding the old one
     * would be told "not modified". Its own transaction, so that two instances racing on one row cost the loser
     * only this record, never the read.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Instant since(String key, String etag) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT etag, since FROM representation_seen WHERE representation = ?1")
                .setParameter(1, key)
                .getResultList();
        Instant now = clock.now();
        Instant since = now;
        if (!rows.isEmpty()) {
            Object[] row = rows.get(0);
            Instant previous = instant(row[1]);
            if (etag.equals(row[0])) {
                return previous;
            }
            Instant nextSecond = previous.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            since = now.isBefore(nextSecond) ? nextSecond : now;
        }
        em.createNativeQuery(
                        "MERGE INTO representation_seen t USING (VALUES (?1, ?2, CAST(?3 AS TIMESTAMP WITH TIME ZONE)))"
                                + " AS s (r, e, si)"
                                + " ON t.representation = s.r"
                                + " WHEN MATCHED THEN UPDATE SET etag = s.e, since = s.si"
                                + " WHEN NOT MATCHED THEN INSERT (representation, etag, since) VALUES (s.r, s.e, s.si)")
                .setParameter(1, key)
                .setParameter(2, etag)
                .setParameter(3, since.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        return since;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        } else if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        } else if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected time " + value);
    }
}
