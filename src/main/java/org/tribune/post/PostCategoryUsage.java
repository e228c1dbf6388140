package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tribune.category.CategoryUsage;
import org.tribune.common.Clock;

/** Tells the categories feature how many posts each category holds, and detaches posts from a deleted one. */
@ApplicationScoped
public class PostCategoryUsage implements CategoryUsage {

    private final PostRepository posts;
    private final Clock time;
    private final PostService postService;

    public PostCategoryUsage(PostRepository posts, Clock time, PostService postService) {
        this.posts = posts;
        this.time = time;
        this.postService = postService;
    }

    @Override
    public Map<UUID, Long> countByCategory(Collection<UUID> categoryIds) {
        return posts.countByCategory(categoryIds, time.now());
    }

    @Override
    public CountSql countSql() {
        return new CountSql(
                "select pc.category_id, count(*) as item_count from post_category pc join post p on p.id = pc.post_id"
                        + " where p.deleted_at is null and p.status in (:visible) and p.published_at <= :now"
                        + " group by pc.category_id",
                Map.of(
                        "visible",
                        List.of(PostStatus.published.name(), PostStatus.scheduled.name()),
                        "now",
                        time.now()));
    }

    /** Each post filed there changes, as if edited: its version, updatedAt and the change log move. */
    @Override
    public int detachAll(UUID categoryId) {
        List<UUID> filed = posts.filedIn(categoryId);
        filed.forEach(id -> postService.cascade(id, p -> p.categoryIds.remove(categoryId)));
        return filed.size();
    }
}
