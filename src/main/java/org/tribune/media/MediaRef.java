package org.tribune.media;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A media item as posts and other resources embed it: enough to render it, srcset included. */
@Schema(name = "MediaRef")
public record MediaRef(
        @Schema(required = true) UUID id,
        @Schema(required = true) String mimeType,
        @Schema(required = true, nullable = true) String alt,
        @Schema(required = true, nullable = true) String caption,
        @Schema(required = true, nullable = true) String credit,
        @Schema(required = true, nullable = true) Integer width,
        @Schema(required = true, nullable = true) Integer height,
        @Schema(required = true, nullable = true) FocalPoint focalPoint,
        @Schema(required = true) String url,
        @Schema(required = true) Map<String, MediaSize> sizes,
        @Schema(required = true) List<ImageRendition> renditions,
        @Schema(required = true) Map<String, String> srcset,
        @Schema(required = true, nullable = true) ImagePlaceholder placeholder) {}
