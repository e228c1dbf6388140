package org.tribune.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.tribune.common.Clock;
import org.tribune.sync.ChangeItem;

/** Makes the events, whose bodies are written once and sent unchanged on every attempt. */
@ApplicationScoped
class WebhookEvents {

    /**
     * The body, as the Standard Webhooks specification shapes it: the event type, when the event was made, and its
     * data: for a change, the changes feed's entry, with the resource as the public reads it for an upsert.
     */
    record Payload(String type, Instant timestamp, Object data) {}

    record Ping(UUID webhookId, String message) {}

    private final WebhookEventRepository events;
    private final ObjectMapper mapper;
    private final Clock clock;

    WebhookEvents(WebhookEventRepository events, ObjectMapper mapper, Clock clock) {
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
    }

    static String typeOf(ChangeItem change) {
        return change.type() + "." + change.action().name();
    }

    WebhookEvent of(ChangeItem change) {
        return add(typeOf(change), change.type(), change.id(), change);
    }

    WebhookEvent ping(UUID endpointId) {
        return add(
                WebhookService.PING,
                null,
                null,
                new Ping(endpointId, "A test event, sent because an admin asked for one. Nothing changed."));
    }

    private WebhookEvent add(String type, String resourceType, UUID resourceId, Object data) {
        WebhookEvent e = new WebhookEvent();
        e.id = UUID.randomUUID();
        e.type = type;
        e.resourceType = resourceType;
        e.resourceId = resourceId;
        e.createdAt = clock.now();
        try {
            e.body = mapper.writeValueAsString(new Payload(type, e.createdAt, data));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("An event's body is made of records Jackson writes", ex);
        }
        events.add(e);
        return e;
    }

    static WebhookDelivery delivery(WebhookEvent event, UUID endpointId, Instant now) {
        WebhookDelivery d = new WebhookDelivery();
        d.eventId = event.id;
        d.endpointId = endpointId;
        d.resourceKey = event.resourceId == null ? null : event.resourceType + "/" + event.resourceId;
        d.state = DeliveryState.pending;
        d.attempts = 0;
        d.nextAttemptAt = now;
        d.createdAt = now;
        return d;
    }
}
