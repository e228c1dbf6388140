package org.tribune.category;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.site.Seo;
import org.tribune.site.SeoMetadata;

@Schema(name = "Category")
public record CategoryView(
        @Schema(required = true) UUID id,

        @Schema(required = true, examples = "Droits humains")
        String name,

        @Schema(required = true, examples = "droits-humains")
        String slug,

        @Schema(
                required = true,
                nullable = true,
                description =
                        "Its page on the public site, from the site's permalink pattern; null until the site's base"
                                + " URL is set.")
        String permalink,

        @Schema(nullable = true) String description,

        @Schema(nullable = true, description = "Id of the parent category; null at the top level.")
        UUID parent,

        @Schema(required = true, description = "Number of posts filed in this category.", examples = "12")
        long postCount,

        @Schema(required = true) Seo seo,
        @Schema(required = true) SeoMetadata metadata,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {}
