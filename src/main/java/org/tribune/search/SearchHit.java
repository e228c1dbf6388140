package org.tribune.search;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One thing the search found, best first.")
public record SearchHit(
        @Schema(
                required = true,
                description = "What it is; its id (or slug, for a tag) reads it from the matching endpoint:"
                        + " /posts, /categories, /honorary-citizens, /prizes, /awards, or /posts?tag= for a"
                        + " tag.",
                enumeration = {"post", "category", "tag", "honorary-citizen", "prize", "award"},
                examples = "post")
        String type,

        @Schema(required = true, description = "The id of the thing; for a tag, a stable id derived from its name.")
        UUID id,

        @Schema(
                required = true,
                nullable = true,
                description = "Its slug; for a tag, the tag itself; null for an award, which has none.",
                examples = "prix-des-droits-humains-2024")
        String slug,

        @Schema(required = true, description = "Its title or name.", examples = "Prix des droits humains 2024")
        String title,

        @Schema(
                required = true,
                description = "How well it matches, higher first; comparable within one answer only.",
                examples = "0.83")
        double score,

        @Schema(
                required = true,
                nullable = true,
                description = "A passage of its text around the matched words, as HTML in which every"
                        + " character of the content is escaped and the only tags are `<mark>` around each"
                        + " match: safe to insert as HTML, or to split on the two tags. \" … \" joins"
                        + " passages that are apart.",
                examples = "… la <mark>Ville</mark> a décerné son prix …")
        String snippet,

        @Schema(
                required = true,
                nullable = true,
                description = "The year the year facet files it under: a post's year of publication (UTC),"
                        + " the year a citizenship was conferred, an award's year.",
                examples = "2024")
        Integer year,

        @Schema(required = true, nullable = true, description = "A post's publication time; null for the others.")
        Instant publishedAt) {}
