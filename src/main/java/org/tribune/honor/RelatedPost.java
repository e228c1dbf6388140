package org.tribune.honor;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.media.MediaRef;

/** A post that tells a record's story, as the record shows it. */
@Schema(name = "RelatedPost")
public record RelatedPost(
        @Schema(required = true) UUID id,
        @Schema(required = true) String slug,
        @Schema(required = true) String title,
        @Schema(required = true) String excerpt,
        @Schema(required = true) Instant publishedAt,
        @Schema(required = true, nullable = true) MediaRef featuredMedia) {}
