package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.tribune.persistence.VisibilitySchedule;

/** Scheduled posts go public at their time with no write: the earliest such time is the next public change. */
@ApplicationScoped
class PostSchedule implements VisibilitySchedule {

    private final PostRepository posts;

    PostSchedule(PostRepository posts) {
        this.posts = posts;
    }

    @Override
    @Transactional
    public Optional<Instant> nextChangeAfter(Instant now) {
        return posts.nextPublicationAfter(now);
    }
}
