package org.tribune.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One event sent to one endpoint, with every attempt made.")
public record DeliveryView(
        @Schema(required = true) long id,

        @Schema(
                required = true,
                description = "The event's id, sent as `webhook-id`: the same on every attempt and redelivery.")
        UUID eventId,

        @Schema(required = true, examples = "post.upsert") String eventType,

        @Schema(required = true, nullable = true, description = "The resource changed; null for a test ping.")
        String resourceType,

        @Schema(required = true, nullable = true) UUID resourceId,

        @Schema(required = true) DeliveryState state,

        @Schema(required = true, nullable = true, description = "When the next attempt is due, while pending.")
        Instant nextAttemptAt,

        @Schema(required = true) Instant createdAt,

        @Schema(required = true, description = "Oldest first.")
        List<AttemptView> attempts) {

    @Schema(name = "WebhookAttempt")
    public record AttemptView(
            @Schema(required = true) Instant at,

            @Schema(required = true, nullable = true, description = "Null when no answer came.")
            Integer statusCode,

            @Schema(required = true, description = "From sending the request to the end of the answer read.")
            int latencyMs,

            @Schema(
                    required = true,
                    nullable = true,
                    description = "Why it failed without an answer, or was not retried.",
                    examples = "timed out after 10 s")
            String error,

            @Schema(
                    required = true,
                    nullable = true,
                    description = "The start of the answer's body, cut after 1,000 characters.")
            String response) {}
}
