package org.tribune.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A feature whose public content changes at set times with no write at that moment (a scheduled post goes public
 * at its publication time) says when the next such moment is, so that what was read before it is not served after,
 * and what changed at each past one, so that the changes feed carries it at that time.
 */
public interface VisibilitySchedule {

    /** The first moment after {@code now} at which this feature's public content changes by itself. */
    Optional<Instant> nextChangeAfter(Instant now);

    /**
     * The changes that happened by themselves after {@code from} (or at {@code from}, to a resource whose id sorts
     * after {@code fromId}) and at or before {@code until}, in the order of their time then id; at most {@code limit}.
     */
    List<TimedChange> changesBetween(Instant from, UUID fromId, Instant until, int limit);

    /** The last change that happened by itself at or before {@code until}, in that order. */
    Optional<TimedChange> lastChangeUpTo(Instant until);

    /**
     * One resource whose representation changed at {@code at} with no write, and the others that show it and so
     * changed with it (the categories that count a post going public, the records that list it).
     */
    record TimedChange(Instant at, String resourceType, UUID resourceId, List<ResourceKey> alsoChanged) {}

    record ResourceKey(String resourceType, UUID resourceId) {}
}
