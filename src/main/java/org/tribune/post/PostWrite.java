package org.tribune.post;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.common.Slugs;
import org.tribune.site.Seo;
import org.tribune.web.RequestExample;

/** Everything a client may set on a post, and nothing else. */
@Schema(name = "PostWrite", description = "The fields a client sets on a post. Unknown fields are rejected.")
@RequestExample(
        name = "post",
        value = """
            {
              "title": "Quinze associations de défense des droits humains soutenues par Paris",
              "content": "<p>Le Conseil de Paris a voté une aide à quinze associations qui défendent les libertés fondamentales dans le monde.</p><ul><li>Liberté de la presse en Birmanie</li><li>Protection des défenseurs des droits humains</li></ul>",
              "lang": "fr",
              "categories": [],
              "tags": ["Conseil de Paris", "solidarité internationale"],
              "publishedAt": "2025-07-09T10:00:00Z"
            }""",
        patchName = "excerpt and tags",
        patch =
                "{\"excerpt\": \"Le Conseil de Paris soutient quinze associations engagées pour les droits fondamentaux.\", \"tags\": [\"Conseil de Paris\"]}")
public record PostWrite(
        @NotBlank @Size(max = 300) @Schema(examples = "Paris soutient 15 associations de défense des droits humains")
        String title,

        @Size(max = Slugs.MAX_LENGTH)
        @Pattern(
                regexp = Slugs.PATTERN,
                message =
                        "must be lower-case letters and digits in words joined by single hyphens, such as droits-humains")
        @Schema(nullable = true, description = "Generated from the title when absent; kept when the title changes.")
        String slug,

        @Size(max = 1000)
        @Schema(
                nullable = true,
                description =
                        "Plain text. When absent, derived from the content (about 300 characters, cut at a sentence or word).")
        String excerpt,

        @NotNull
        @Size(max = 200_000)
        @Schema(
                description =
                        "HTML. Sanitized on write: paragraphs, headings, lists, links, emphasis, blockquote and figure/img/figcaption are kept; scripts, styles, event handlers and javascript: URLs are dropped.")
        String content,

        @Size(max = 35)
        @Schema(nullable = true, examples = "fr", description = "BCP 47 language tag. Absent or null: `fr`.")
        String lang,

        @Size(max = 20) @Schema(nullable = true, maxItems = 20, description = "Ids of existing categories.")
        List<@NotNull UUID> categories,

        @Size(max = 30)
        @Schema(
                nullable = true,
                maxItems = 30,
                description = "Free tags. Trimmed; duplicates ignoring case are dropped.")
        List<@NotBlank @Size(max = 60) String> tags,

        @Schema(
                nullable = true,
                description = "Publication time (UTC). A scheduled post becomes public at this time;"
                        + " publishing without one sets it to now.")
        Instant publishedAt,

        @Schema(
                nullable = true,
                description = "draft, scheduled, published or archived. Absent: published when the caller"
                        + " may publish (editors, admins), draft for authors, who may not schedule or publish.")
        PostStatus status,

        @Schema(
                nullable = true,
                description = "Id of an existing media item shown with the post, such as a listing card's photo.")
        UUID featuredMedia,

        @Size(max = 50)
        @Schema(
                nullable = true,
                maxItems = 50,
                description = "Ids of existing media items, in the order to show them. Repeats are dropped.")
        List<@NotNull UUID> gallery,

        @Size(max = 50)
        @Schema(nullable = true, maxItems = 50, description = "Ids of honorary citizens this post tells about.")
        List<@NotNull UUID> honoraryCitizens,

        @Size(max = 50) @Schema(nullable = true, maxItems = 50, description = "Ids of awards this post tells about.")
        List<@NotNull UUID> awards,

        @Valid @Schema(nullable = true, description = "Absent or null: all derived, indexed.")
        Seo seo) {}
