package org.tribune.honor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Prize")
public record PrizeView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String name,
        @Schema(required = true) String slug,

        @Schema(
                required = true,
                nullable = true,
                description =
                        "Its page on the public site, from the site's permalink pattern; null until the site's base"
                                + " URL is set.")
        String permalink,

        @Schema(required = true, nullable = true) String description,

        @Schema(required = true, description = "Its award categories, in the order its page shows them.")
        List<String> categories,

        @Schema(required = true) long awardCount,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {}
