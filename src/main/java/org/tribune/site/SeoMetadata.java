package org.tribune.site;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.media.MediaRef;

/** What a frontend puts in a page's head: the editor's fields where set, else values derived from the item. */
@Schema(
        name = "SeoMetadata",
        description = "What a page's head needs (title, meta description, og:image, canonical link, robots), the"
                + " editor's fields where set, otherwise derived: the title, the excerpt or description, the item's"
                + " photo. With no image, use the site's `defaultImage` (GET /api/v1/site).")
public record SeoMetadata(
        @Schema(required = true) String title,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true, nullable = true) MediaRef image,

        @Schema(required = true, nullable = true, description = "The permalink: null until the site's base URL is set.")
        String canonical,

        @Schema(required = true) boolean noindex) {}
