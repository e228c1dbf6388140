package org.tribune.post;

/** Where a post is in its life. The constants are the wire values. */
public enum PostStatus {
    draft,
    scheduled,
    published,
    archived
}
