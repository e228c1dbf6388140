package org.tribune.account;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "User")
public record UserView(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "hbidard") String username,
        @Schema(required = true) String displayName,
        @Schema(required = true, nullable = true) String email,
        @Schema(required = true) AccountRole role,
        @Schema(required = true) boolean active,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, nullable = true) Instant lastLoginAt) {}
