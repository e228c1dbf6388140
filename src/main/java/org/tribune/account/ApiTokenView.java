package org.tribune.account;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiToken")
public record ApiTokenView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String name,
        @Schema(required = true) ApiTokenRole role,

        @Schema(
                required = true,
                description = "The first characters of the secret, to tell tokens apart.",
                examples = "trb_x7Kp")
        String hint,

        @Schema(
                required = true,
                description = "The admin who created it. Posts written with the token name them as author;"
                        + " the token stops working if that account is deactivated or deleted.")
        AccountRef createdBy,

        @Schema(required = true) Instant createdAt,
        @Schema(required = true, nullable = true) Instant expiresAt,

        @Schema(required = true, nullable = true, description = "Last use, to the minute.")
        Instant lastUsedAt) {}
