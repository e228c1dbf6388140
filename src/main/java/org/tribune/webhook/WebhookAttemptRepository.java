package org.tribune.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tribune.persistence.NotAChange;

@ApplicationScoped
public class WebhookAttemptRepository implements PanacheRepositoryBase<WebhookAttempt, UUID> {

    @NotAChange("the delivery log is bookkeeping")
    void add(WebhookAttempt attempt) {
        persist(attempt);
    }

    /** The attempts of these deliveries, oldest first, in one query. */
    Map<Long, List<WebhookAttempt>> of(Collection<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        return list("deliveryId in ?1 order by attemptedAt, id", deliveryIds).stream()
                .collect(Collectors.groupingBy(a -> a.deliveryId));
    }
}
