package org.tribune.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.account.AccountRef;
import org.tribune.category.CategoryRef;
import org.tribune.honor.AwardRef;
import org.tribune.honor.HonoraryCitizenRef;
import org.tribune.media.MediaRef;
import org.tribune.site.Seo;
import org.tribune.site.SeoMetadata;

@Schema(name = "Post")
public record PostView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String slug,

        @Schema(
                required = true,
                nullable = true,
                description =
                        "Its page on the public site, from the site's permalink pattern; null until the site's base"
                                + " URL is set or while a pattern that uses the date has no publication date.")
        String permalink,

        @Schema(required = true) String title,
        @Schema(required = true) String excerpt,

        @Schema(required = true, description = "Sanitized HTML.")
        String content,

        @Schema(required = true, examples = "fr") String lang,
        @Schema(required = true) List<CategoryRef> categories,
        @Schema(required = true) List<String> tags,

        @Schema(
                required = true,
                nullable = true,
                description = "Who wrote it: set from the token that created it, never from the request body.")
        AccountRef author,

        @Schema(required = true, nullable = true) MediaRef featuredMedia,

        @Schema(required = true, description = "In display order.")
        List<MediaRef> gallery,

        @Schema(required = true) List<HonoraryCitizenRef> honoraryCitizens,
        @Schema(required = true) List<AwardRef> awards,
        @Schema(required = true) Seo seo,
        @Schema(required = true) SeoMetadata metadata,

        @Schema(required = true, description = "A scheduled post whose time has come reads as published.")
        PostStatus status,

        @Schema(required = true) Instant publishedAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {}
