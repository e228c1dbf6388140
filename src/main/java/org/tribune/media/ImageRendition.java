package org.tribune.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One file of an image at one width and in one format, as a srcset or a native app picks it. */
@Schema(name = "ImageRendition")
public record ImageRendition(
        @Schema(required = true) int width,
        @Schema(required = true) int height,

        @Schema(
                required = true,
                enumeration = {"image/jpeg", "image/png", "image/gif", "image/webp"})
        String type,

        @Schema(required = true, description = "Bytes of the file.")
        long size,

        @Schema(required = true, examples = "/api/v1/media/6f1c.../file?width=640&format=webp")
        String url) {}
