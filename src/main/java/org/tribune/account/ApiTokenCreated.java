package org.tribune.account;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The only response that carries the secret: an API token as listed, plus its secret. */
@Schema(name = "ApiTokenCreated")
public record ApiTokenCreated(
        @Schema(required = true) UUID id,
        @Schema(required = true) String name,
        @Schema(required = true) ApiTokenRole role,
        @Schema(required = true, examples = "trb_x7Kp") String hint,
        @Schema(required = true) AccountRef createdBy,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, nullable = true) Instant expiresAt,
        @Schema(required = true, nullable = true) Instant lastUsedAt,

        @Schema(
                required = true,
                description = "The secret, shown this once and stored only as a hash: send it as"
                        + " `Authorization: Bearer <secret>`.",
                examples = "trb_x7KpQ2mZ3vN8cR1sT4wY6bD9fH0jL5aE7gU2iO3kPq")
        String secret) {

    static ApiTokenCreated of(ApiTokenView v, String secret) {
        return new ApiTokenCreated(
                v.id(),
                v.name(),
                v.role(),
                v.hint(),
                v.createdBy(),
                v.createdAt(),
                v.expiresAt(),
                v.lastUsedAt(),
                secret);
    }
}
