package org.tribune.site;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an editor sets for search engines and sharing, on a post, category, honorary citizen or award; each field is
 * optional, and an empty one is derived on read ({@link SeoMetadata}). Stored in the item's own row.
 */
@Embeddable
@Schema(name = "Seo", description = "Search and sharing fields as the editor set them; empty ones are derived.")
public record Seo(
        @Column(name = "seo_title")
        @Size(max = 200)
        @Schema(nullable = true, description = "The title for search engines and shares; empty: the item's title.")
        String title,

        @Column(name = "seo_description")
        @Size(max = 500)
        @Schema(
                nullable = true,
                description = "The meta description; empty: the excerpt or description, cut at a word.")
        String description,

        @Column(name = "seo_image_id")
        @Schema(nullable = true, description = "Id of an image shown when the item is shared; empty: its photo.")
        UUID image,

        @Column(name = "noindex")
        @Schema(
                nullable = true,
                description = "Kept out of search engines, the sitemap and the feeds. Absent or null: false.")
        Boolean noindex) {

    public static final Seo NONE = new Seo(null, null, null, false);

    public boolean excluded() {
        return Boolean.TRUE.equals(noindex);
    }

    /** The same fields, without the image if it is {@code mediaId} (a deleted media item). */
    public Seo withoutImage(UUID mediaId) {
        return mediaId.equals(image) ? new Seo(title, description, null, noindex) : this;
    }
}
