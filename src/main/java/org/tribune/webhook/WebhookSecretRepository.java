package org.tribune.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tribune.persistence.NotAChange;

@ApplicationScoped
public class WebhookSecretRepository implements PanacheRepositoryBase<WebhookSecret, UUID> {

    /** The secrets a delivery is signed with now, newest first: the current one, and one being rotated out. */
    List<WebhookSecret> signing(UUID endpointId, Instant now) {
        return list(
                "endpointId = ?1 and (expiresAt is null or expiresAt > ?2) order by createdAt desc", endpointId, now);
    }

    /** The secrets of these endpoints in use at {@code now}, by endpoint, newest first. */
    Map<UUID, List<WebhookSecret>> signing(Collection<UUID> endpointIds, Instant now) {
        if (endpointIds.isEmpty()) {
            return Map.of();
        }
        return this.list(
                        "endpointId in ?1 and (expiresAt is null or expiresAt > ?2) order by createdAt desc",
                        endpointIds,
                        now)
                .stream()
                .collect(Collectors.groupingBy(s -> s.endpointId));
    }

    /** The secret is part of its endpoint, whose own write records the change. */
    @NotAChange("an endpoint's secret is written with the endpoint, whose write records the change")
    void add(WebhookSecret secret) {
        persist(secret);
    }

    /** The current secret keeps signing until {@code until}, next to the one replacing it; older ones stop now. */
    @NotAChange("an endpoint's secret is written with the endpoint, whose write records the change")
    void retire(UUID endpointId, Instant until) {
        delete("endpointId = ?1 and expiresAt is not null", endpointId);
        update("expiresAt = ?1 where endpointId = ?2 and expiresAt is null", until, endpointId);
    }

    @NotAChange("dropping secrets no longer used to sign changes nothing anyone reads")
    long dropExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
