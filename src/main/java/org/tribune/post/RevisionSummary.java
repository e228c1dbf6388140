package org.tribune.post;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.account.AccountRef;

@Schema(name = "PostRevisionSummary")
public record RevisionSummary(
        @Schema(required = true) UUID id,

        @Schema(required = true, description = "1 for the first version, then one more per change.")
        int number,

        @Schema(required = true) PostStatus status,
        @Schema(required = true) String title,

        @Schema(required = true, nullable = true, description = "Who made the change.")
        AccountRef author,

        @Schema(required = true) Instant createdAt) {}
