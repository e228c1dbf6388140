package org.tribune.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.tribune.persistence.NotAChange;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, Long> {

    /**
     * Takes up to {@code limit} due deliveries for this instance to attempt, and holds them until {@code until}.
     * SKIP LOCKED lets instances claim at the same time without waiting on or taking each other's rows, so that
     * each attempt is made by one instance. A delivery waits while an earlier one of the same resource to the same
     * endpoint is pending, which keeps each resource's events in order.
     */
    @NotAChange("claiming a delivery is the delivery log's bookkeeping")
    List<WebhookDelivery> claimDue(Instant now, Instant until, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager()
                .createNativeQuery("SELECT d.id FROM webhook_delivery d WHERE d.state = 'pending'"
                        + " AND d.next_attempt_at <= ?1 AND (d.claimed_until IS NULL OR d.claimed_until < ?1)"
                        + " AND EXISTS (SELECT 1 FROM webhook_endpoint e WHERE e.id = d.endpoint_id AND e.active)"
                        + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.endpoint_id = d.endpoint_id"
                        + " AND p.resource_key = d.resource_key AND p.state = 'pending' AND p.id < d.id)"
                        + " ORDER BY d.id FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        update("claimedUntil = ?1 where id in ?2", until, claimed);
        return list("id in ?1 order by id", claimed);
    }

    @NotAChange("the delivery log is bookkeeping")
    void add(WebhookDelivery delivery) {
        persist(delivery);
    }

    /**
     * Where the dispatcher stands in the changes feed, locked until the transaction ends; empty when another
     * instance holds it (it is dispatching, and this one has nothing to do). The value is null before the first run.
     */
    @NotAChange("the dispatcher's place in the feed is bookkeeping")
    Optional<Held> holdFeedCursor() {
        @SuppressWarnings("unchecked")
        List<Object> rows = getEntityManager()
                .createNativeQuery("SELECT feed_cursor FROM webhook_dispatch WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Held((String) rows.get(0)));
    }

    record Held(String cursor) {}

    @NotAChange("the dispatcher's place in the feed is bookkeeping")
    void moveFeedCursor(String cursor) {
        getEntityManager()
                .createNativeQuery("UPDATE webhook_dispatch SET feed_cursor = ?1 WHERE id = 1")
                .setParameter(1, cursor)
                .executeUpdate();
    }
}
