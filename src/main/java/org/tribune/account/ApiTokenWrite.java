package org.tribune.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.web.RequestExample;

@Schema(name = "ApiTokenWrite", description = "A new API token. Unknown fields are rejected.")
@RequestExample(
        name = "build pipeline",
        value = "{\"name\": \"Static site build\", \"role\": \"reader\", \"expiresAt\": \"2027-01-01T00:00:00Z\"}")
public record ApiTokenWrite(
        @NotBlank @Size(max = 100) @Schema(examples = "Static site build")
        String name,

        @NotNull @Schema(description = "`reader` reads what signed-in users read; `editor` also writes all content.")
        ApiTokenRole role,

        @Schema(nullable = true, description = "When the token stops working. Absent or null: it works until revoked.")
        Instant expiresAt) {}
