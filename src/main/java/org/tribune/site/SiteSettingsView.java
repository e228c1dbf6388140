package org.tribune.site;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.media.MediaRef;

@Schema(name = "SiteSettings")
public record SiteSettingsView(
        @Schema(required = true) String name,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true, examples = "fr") String language,
        @Schema(required = true, examples = "Europe/Paris") String timeZone,
        @Schema(required = true, nullable = true) MediaRef defaultImage,

        @Schema(
                required = true,
                nullable = true,
                description = "Without a trailing slash; null until an admin sets it.")
        String baseUrl,

        @Schema(required = true) PermalinkPatterns permalinks,

        @Schema(
                required = true,
                nullable = true,
                description = "The public site's home page: the base URL with a slash.")
        String permalink,

        @Schema(required = true) Instant updatedAt) {}
