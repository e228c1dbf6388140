package org.tribune.post;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.account.AccountRef;

@Schema(name = "PostRevision")
public record RevisionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID postId,
        @Schema(required = true) int number,
        @Schema(required = true, nullable = true) AccountRef author,
        @Schema(required = true) Instant createdAt,

        @Schema(required = true, description = "The post's fields after this change, as a PUT would send them.")
        PostWrite snapshot) {}
