package org.tribune.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The filters of the post list, as a client sets them; null means any. They combine with AND.
 *
 * @param categorySlugs posts in any of these categories; empty means any
 * @param status for signed-in callers only: the public sees published posts whatever this says
 * @param withContent each card carries the post's content ({@code include=content})
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
        Instant updatedAfter,
        boolean withContent) {

    public static final int MAX_TAG = 60;
    public static final int MAX_Q = 200;
    public static final int MAX_LANG = 35;
    /** Whole posts are up to 200,000 characters each: a page of them is kept to this many. */
    public static final int MAX_SIZE_WITH_CONTENT = 20;

    public static final PostQuery ALL =
            new PostQuery(List.of(), null, null, null, null, null, null, null, null, null, false);
}
