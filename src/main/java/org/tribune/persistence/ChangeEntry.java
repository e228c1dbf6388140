package org.tribune.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded write.
 *
 * @param seq gapless, and in commit order: entry n is visible only once every entry before it is
 * @param version the resource's version after the write (its last version for a deletion); null for an
 *     {@link ChangeAction#embedded} entry, which leaves the version as it was
 * @param actorId the account that made the change, or the admin answering for the API token; null for the system
 */
public record ChangeEntry(
        long seq,
        String resourceType,
        UUID resourceId,
        ChangeAction action,
        Long version,
        Instant changedAt,
        UUID actorId,
        UUID apiTokenId) {}
