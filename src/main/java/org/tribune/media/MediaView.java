package org.tribune.media;

import java.time.Instant;
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
                description = "thumbnail (150 px on the long side), medium (768) and large (1600);"
                        + " a size the original does not exceed is the original. Empty for documents.")
        Map<String, MediaSize> sizes) {}
