package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tribune.category.CategoryUsage;

/** Tells the categories feature how many posts each category holds, and detaches posts from a deleted one. */
@ApplicationScoped
public class PostCategoryUsage implements CategoryUsage {

    private final PostRepository posts;

    public PostCategoryUsage(PostRepository posts) {
        this.posts = posts;
    }

    @Override
    public Map<UUID, Long> countByCategory(Collection<UUID> categoryIds) {
        return posts.countByCategory(categoryIds);
    }

    /** Through the entities, so each post's version and updatedAt move and cached ETags of those posts expire. */
    @Override
    public int detachAll(UUID categoryId) {
        List<Post> affected = posts.withCategory(categoryId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (Post p : affected) {
            p.categoryIds.remove(categoryId);
            p.updatedAt = now;
        }
        posts.flush();
        return affected.size();
    }
}
