package org.tribune.honor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.media.MediaRef;
import org.tribune.site.Seo;
import org.tribune.site.SeoMetadata;

@Schema(name = "HonoraryCitizen")
public record HonoraryCitizenView(
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

        @Schema(required = true) String description,
        @Schema(required = true, nullable = true) String country,
        @Schema(required = true) LocalDate conferredOn,
        @Schema(required = true, nullable = true) String decisionReference,
        @Schema(required = true, nullable = true) Vote vote,

        @Schema(required = true, nullable = true, description = "Sanitized HTML.")
        String citation,

        @Schema(required = true, nullable = true) String situation,
        @Schema(required = true, nullable = true) Instant situationUpdatedAt,
        @Schema(required = true, nullable = true) MediaRef portrait,

        @Schema(required = true, description = "Newest first.")
        List<RelatedPost> relatedPosts,

        @Schema(required = true) Seo seo,
        @Schema(required = true) SeoMetadata metadata,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {}
