package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.tribune.media.MediaUsage;

/** Tells the media feature which posts show a media item, and removes it from them when it is deleted. */
@ApplicationScoped
public class PostMediaUsage implements MediaUsage {

    private final PostRepository posts;

    public PostMediaUsage(PostRepository posts) {
        this.posts = posts;
    }

    @Override
    public List<String> usedBy(UUID mediaId) {
        return posts.describeUsersOf(mediaId);
    }

    @Override
    public int detachAll(UUID mediaId) {
        return posts.detachMedia(mediaId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
