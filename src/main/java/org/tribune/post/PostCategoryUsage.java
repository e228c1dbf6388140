package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.tribune.category.CategoryUsage;
import org.tribune.common.Clock;

/** Tells the categories feature how many posts each category holds, and detaches posts from a deleted one. */
@ApplicationScoped
public class PostCategoryUsage implements CategoryUsage {

    private final PostRepository posts;
    private final Clock time;

    public PostCategoryUsage(PostRepository posts, Clock time) {
        this.posts = posts;
        this.time = time;
    }

    @Override
    public Map<UUID, Long> countByCategory(Collection<UUID> categoryIds) {
        return posts.countByCategory(categoryIds, time.now());
    }

    /** Moves each affected post's version and updatedAt, so that cached ETags of those posts expire. */
    @Override
    public int detachAll(UUID categoryId) {
        return posts.detachCategory(categoryId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
