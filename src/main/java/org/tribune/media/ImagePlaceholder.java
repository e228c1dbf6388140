package org.tribune.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a page paints in an image's box until the image arrives, so that nothing jumps. */
@Schema(name = "ImagePlaceholder")
public record ImagePlaceholder(
        @Schema(required = true, pattern = "^#[0-9a-f]{6}$", examples = "#6b7a8f", description = "The dominant colour.")
        String color,

        @Schema(
                required = true,
                examples = "LKO2?U%2Tw=w]~RBVZRi};RPxuwH",
                description =
                        "A BlurHash (blurha.sh) of the image laid on white, 4 × 3 components (3 × 4 when portrait).")
        String blurhash) {}
