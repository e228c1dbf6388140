package org.tribune.post;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What other representations show of a post: categories count it while it is public, and honorary citizens and
 * awards list it among their related posts (its slug, title, excerpt, date and featured photo).
 */
record PostFootprint(
        boolean visible,
        boolean trashed,
        Set<UUID> categories,
        Set<UUID> honoraryCitizens,
        Set<UUID> awards,
        String slug,
        String title,
        String excerpt,
        Instant publishedAt,
        UUID featuredMedia) {

    static PostFootprint of(Post p, Instant now) {
        boolean visible = p.deletedAt == null
                && (p.status == PostStatus.published || p.status == PostStatus.scheduled)
                && p.publishedAt != null
                && !p.publishedAt.isAfter(now);
        return new PostFootprint(
                visible,
                p.deletedAt != null,
                Set.copyOf(p.categoryIds),
                Set.copyOf(p.honoraryCitizenIds),
                Set.copyOf(p.awardIds),
                p.slug,
                p.title,
                p.excerpt,
                p.publishedAt,
                p.featuredMediaId);
    }

    /** The categories whose count of public posts includes it. */
    Set<UUID> countedIn() {
        return visible ? categories : Set.of();
    }

    /** The post as a related post shows it, and whether it is shown at all. */
    boolean sameRelatedPost(PostFootprint other) {
        return visible == other.visible
                && trashed == other.trashed
                && slug.equals(other.slug)
                && title.equals(other.title)
                && Objects.equals(excerpt, other.excerpt)
                && Objects.equals(publishedAt, other.publishedAt)
                && Objects.equals(featuredMedia, other.featuredMedia);
    }
}
