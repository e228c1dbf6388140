package org.tribune.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.account.AccountRef;

@Schema(name = "Webhook")
public record WebhookView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String url,

        @Schema(required = true, type = SchemaType.ARRAY, implementation = WebhookEventType.class)
        List<String> eventTypes,

        @Schema(required = true, nullable = true) String description,

        @Schema(required = true, description = "Whether events are delivered to it.")
        boolean active,

        @Schema(
                required = true,
                nullable = true,
                description = "The first characters of the current signing secret, to check which one a receiver"
                        + " holds; null when it has none (restored from a backup: rotate the secret).",
                examples = "whsec_MfKQ")
        String secretHint,

        @Schema(
                required = true,
                nullable = true,
                description = "Until when deliveries are also signed with the secret before the last rotation.")
        Instant previousSecretExpiresAt,

        @Schema(
                required = true,
                nullable = true,
                description = "Since when every delivery has failed; null once one succeeds.")
        Instant failingSince,

        @Schema(required = true, nullable = true, description = "When the server disabled it.")
        Instant disabledAt,

        @Schema(
                required = true,
                nullable = true,
                description = "Why it is not receiving deliveries, when the server stopped them: disabled after"
                        + " failing too long, or left without a secret by a backup restore.")
        String disabledReason,

        @Schema(
                required = true,
                nullable = true,
                description = "The admin who registered it, while the account exists.")
        AccountRef createdBy,

        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {}
