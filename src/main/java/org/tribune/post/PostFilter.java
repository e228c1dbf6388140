package org.tribune.post;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Parsed collection filters. {@code categoryIds} is null when no category filter was given, and empty when one
 * was given but names no existing category (which matches nothing); {@code honoraryCitizenIds} likewise.
 */
record PostFilter(
        Set<UUID> categoryIds,
        String tag,
        Instant publishedAfter,
        Instant publishedBefore,
        String lang,
        Set<UUID> honoraryCitizenIds,
        UUID awardId,
        Visibility visibility,
        Instant updatedAfter,
        boolean indexableOnly) {

    /**
     * Which posts the caller may see: the public sees published posts whose time has come; signed-in callers see
     * every post that is not in the trash, optionally of one status; the trash listing sees only the trash.
     */
    record Visibility(boolean publicOnly, PostStatus status, boolean trash, Instant now) {}
}
