package org.tribune.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A post as it was after one change. A table of our own rather than Hibernate Envers: Envers would audit the post
 * and each of its six element collections in separate tables, and rebuilding one version means joining them back;
 * a revision here is one row holding the JSON of what a client would PUT, which restores through the same checks.
 */
@Entity
@Table(name = "post_revision")
public class PostRevision {

    @Id
    public UUID id;

    @Column(name = "post_id")
    public UUID postId;

    public int number;

    @Enumerated(EnumType.STRING)
    public PostStatus status;

    public String title;

    /** JSON of the PostWrite, status and publishedAt included. */
    public String snapshot;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "created_at")
    public Instant createdAt;
}
