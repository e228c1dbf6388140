package org.tribune.persistence;

import java.time.Instant;
import java.util.Optional;

/**
 * A feature whose public content changes at set times with no write at that moment (a scheduled post goes public
 * at its publication time) says when the next such moment is, so that what was read before it is not served after.
 */
public interface VisibilitySchedule {

    /** The first moment after {@code now} at which this feature's public content changes by itself. */
    Optional<Instant> nextChangeAfter(Instant now);
}
