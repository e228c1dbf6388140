package org.tribune.media;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.account.AccountRef;

@Schema(name = "Media")
public record MediaView(
        @Schema(required = true) UUID id,

        @Schema(required = true, description = "The uploaded file's name, sanitized.")
        String filename,

        @Schema(
                required = true,
                enumeration = {"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"})
        String mimeType,

        @Schema(
                required = true,
                enumeration = {"image", "document"})
        String type,

        @Schema(required = true, description = "Bytes of the stored original.")
        long size,

        @Schema(required = true, nullable = true, description = "Upright width; null for documents.")
        Integer width,

        @Schema(required = true, nullable = true) Integer height,

        @Schema(required = true, description = "SHA-256 of the stored original, also its ETag.")
        String checksum,

        @Schema(required = true, nullable = true) String alt,
        @Schema(required = true, nullable = true) String caption,
        @Schema(required = true, nullable = true) String credit,
        @Schema(required = true, nullable = true) FocalPoint focalPoint,
        @Schema(required = true, nullable = true) AccountRef uploadedBy,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,

        @Schema(required = true, description = "The original file.")
        String url,

        @Schema(
                required = true,
                description = "The named sizes: thumbnail (150 px on the long side), medium (the widest rendition"
                        + " no wider than 768 px) and large (no wider than 1600 px), in the original's family (JPEG,"
                        + " or PNG for PNG, GIF and transparent WebP). A size the original does not exceed is the"
                        + " original. Empty for documents.")
        Map<String, MediaSize> sizes,

        @Schema(
                required = true,
                description = "Every rendition: 320, 640, 960, 1280 and 1920 px wide, never wider than the original"
                        + " (which is then the widest, up to 1920), in the original's family and in WebP. By type,"
                        + " then width. Empty for documents, and for images uploaded before renditions existed"
                        + " until the background job has made theirs.")
        List<ImageRendition> renditions,

        @Schema(
                required = true,
                description = "A ready-made srcset per type (WebP first), for the sources of a <picture> element:"
                        + " `{\"image/webp\": \"/api/v1/media/6f1c.../file?width=320&format=webp 320w, ...\"}`.")
        Map<String, String> srcset,

        @Schema(required = true, nullable = true, description = "Null for documents.")
        ImagePlaceholder placeholder) {}
