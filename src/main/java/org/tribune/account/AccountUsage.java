package org.tribune.account;

import java.util.UUID;

/**
 * What accounts need to know about the content people wrote. The features that record an author implement it, so
 * this package never depends on theirs.
 */
public interface AccountUsage {

    /** How many items the account is the author of. */
    long countAuthoredBy(UUID accountId);

    /** Makes {@code to} the author of everything {@code from} wrote, and returns how many items changed. */
    int reassign(UUID from, UUID to);
}
