package org.tribune.honor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What honours need from the posts that tell their story. The posts feature implements it and owns the links, so
 * this package never depends on its internals.
 */
public interface RelatedPosts {

    enum Kind {
        HONORARY_CITIZEN,
        AWARD
    }

    /** The posts linked to each record, newest first, limited to what the caller may read. */
    Map<UUID, List<RelatedPost>> of(Kind kind, Collection<UUID> recordIds);

    /** The given ids that are posts. */
    Set<UUID> existing(Collection<UUID> postIds);

    /** Makes exactly these posts link to the record. */
    void link(Kind kind, UUID recordId, List<UUID> postIds);

    /** Removes the record from every post, moving those posts' versions. */
    void unlinkAll(Kind kind, UUID recordId);
}
