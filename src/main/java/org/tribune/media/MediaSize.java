package org.tribune.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MediaSize")
public record MediaSize(
        @Schema(required = true, examples = "/api/v1/media/6f1c.../file?size=medium")
        String url,

        @Schema(required = true) int width,
        @Schema(required = true) int height) {}
