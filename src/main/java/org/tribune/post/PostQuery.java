package org.tribune.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The filters of the post list, as a client sets them; null means any. They combine with AND.
 *
 * @param categorySlugs posts in any of these categories; empty means any
 * @param status for signed-in callers only: the public sees published posts whatever this says
 */
public record PostQuery(
        List<String> categorySlugs,
        String tag,
        String q,
        Instant publishedAfter,
        Instant publishedBefore,
        String lang,
        String honoraryCitizenSlug,
        UUID award,
        PostStatus status,
        Instant updatedAfter) {

    public static final int MAX_TAG = 60;
    public static final int MAX_Q = 200;
    public static final int MAX_LANG = 35;

    public static final PostQuery ALL = new PostQuery(List.of(), null, null, null, null, null, null, null, null, null);
}
