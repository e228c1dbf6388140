package org.tribune.honor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.media.MediaRef;
import org.tribune.site.Seo;
import org.tribune.site.SeoMetadata;

@Schema(name = "Award")
public record AwardView(
        @Schema(required = true) UUID id,
        @Schema(required = true) PrizeRef prize,

        @Schema(
                required = true,
                nullable = true,
                description =
                        "Its page on the public site, from the site's permalink pattern; null until the site's base"
                                + " URL is set.")
        String permalink,

        @Schema(required = true) int year,
        @Schema(required = true) String category,
        @Schema(required = true) Distinction distinction,
        @Schema(required = true) String recipientName,
        @Schema(required = true, nullable = true) String recipientDescription,
        @Schema(required = true, nullable = true) String country,

        @Schema(required = true, nullable = true, description = "Sanitized HTML.")
        String citation,

        @Schema(required = true, nullable = true) MediaRef photo,

        @Schema(required = true, description = "Newest first.")
        List<RelatedPost> relatedPosts,

        @Schema(required = true) Seo seo,
        @Schema(required = true) SeoMetadata metadata,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {}
