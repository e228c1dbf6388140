package org.tribune.category;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a listing card needs to show and link a category. */
@Schema(description = "A category as embedded in other resources.")
public record CategoryRef(
        @Schema(required = true) UUID id,

        @Schema(required = true, examples = "droits-humains")
        String slug,

        @Schema(required = true, examples = "Droits humains")
        String name) {}
