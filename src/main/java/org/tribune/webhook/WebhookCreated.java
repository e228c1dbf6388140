package org.tribune.webhook;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The only response that carries an endpoint's new secret. */
@Schema(name = "WebhookCreated")
public record WebhookCreated(
        @Schema(required = true) WebhookView webhook,

        @Schema(
                required = true,
                description = "The signing secret, shown this once: give it to the receiver, which checks every"
                        + " delivery's `webhook-signature` with it (Standard Webhooks).",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {

    static WebhookCreated of(WebhookView view, String secret) {
        return new WebhookCreated(view, secret);
    }

    /** Ensures nothing logs or prints a secret by accident. */
    @Override
    public String toString() {
        return "WebhookCreated[" + webhook.id() + "]";
    }

    UUID id() {
        return webhook.id();
    }

    Instant createdAt() {
        return webhook.createdAt();
    }
}
