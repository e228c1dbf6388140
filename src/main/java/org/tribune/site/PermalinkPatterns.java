package org.tribune.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "PermalinkPatterns",
        description = "Where each kind of item lives on the public site. A pattern is a path on the base URL (starting"
                + " with /) or an absolute http(s) URL, with placeholders between braces. Posts: {slug}, {id},"
                + " {yyyy}, {mm}, {dd} (the publication date, in the site's time zone); categories, honorary citizens"
                + " and prizes: {slug}, {id}; tags: {slug}; awards: {id}, {prize} (the prize's slug), {year}.")
public record PermalinkPatterns(
        @NotBlank @Size(max = 300) @Schema(examples = "/{yyyy}/{mm}/{slug}")
        String post,

        @NotBlank @Size(max = 300) @Schema(examples = "/categories/{slug}")
        String category,

        @NotBlank @Size(max = 300) @Schema(examples = "/tags/{slug}")
        String tag,

        @NotBlank @Size(max = 300) @Schema(examples = "/honorary-citizens/{slug}")
        String honoraryCitizen,

        @NotBlank @Size(max = 300) @Schema(examples = "/prizes/{slug}")
        String prize,

        @NotBlank @Size(max = 300) @Schema(examples = "/prizes/{prize}/{year}#award-{id}")
        String award) {

    String of(PermalinkKind kind) {
        return switch (kind) {
            case post -> post;
            case category -> category;
            case tag -> tag;
            case honoraryCitizen -> honoraryCitizen;
            case prize -> prize;
            case award -> award;
        };
    }
}
