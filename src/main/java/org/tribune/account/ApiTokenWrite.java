package org.tribune.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiTokenWrite", description = "A new API token. Unknown fields are rejected.")
public record ApiTokenWrite(
        @NotBlank @Size(max = 100) @Schema(required = true, maxLength = 100, examples = "Static site build")
        String name,

        @NotNull
        @Schema(
                required = true,
                description = "`reader` reads what signed-in users read; `editor` also writes all content.")
        ApiTokenRole role,

        @Schema(nullable = true, description = "When the token stops working. Absent or null: it works until revoked.")
        Instant expiresAt) {}
