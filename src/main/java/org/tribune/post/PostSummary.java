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

/** A listing card: everything a list page shows, without the content. */
@Schema(name = "PostSummary")
public record PostSummary(
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

        @Schema(
                required = true,
                description = "Whether the post has more to read than the excerpt (text, photos, tables): when to"
                        + " show a \"read more\" link.")
        boolean excerptTruncated,

        @Schema(
                required = true,
                nullable = true,
                description = "Sanitized HTML, with `include=content` (pages that show whole posts, offline apps);"
                        + " null otherwise.")
        String content,

        @Schema(required = true, description = "A scheduled post whose time has come reads as published.")
        PostStatus status,

        @Schema(required = true) Instant publishedAt,
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
        @Schema(required = true) Instant updatedAt) {}
