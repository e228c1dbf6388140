package org.tribune.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.tribune.persistence.NotAChange;

@ApplicationScoped
public class WebhookEventRepository implements PanacheRepositoryBase<WebhookEvent, UUID> {

    @NotAChange("an event is the record of a change already logged, not a resource")
    void add(WebhookEvent event) {
        persist(event);
    }

    /** Old events, with their deliveries and attempts; never one still being delivered. */
    @NotAChange("the delivery log is bookkeeping")
    long dropOlderThan(Instant cutoff) {
        return delete(
                "from WebhookEvent e where e.createdAt < ?1 and not exists"
                        + " (select 1 from WebhookDelivery d where d.eventId = e.id and d.state = ?2)",
                cutoff,
                DeliveryState.pending);
    }
}
