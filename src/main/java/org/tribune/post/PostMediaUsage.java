package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.tribune.media.MediaUsage;

/** Tells the media feature which posts show a media item, and removes it from them when it is deleted. */
@ApplicationScoped
public class PostMediaUsage implements MediaUsage {

    private final PostRepository posts;
    private final PostService postService;

    public PostMediaUsage(PostRepository posts, PostService postService) {
        this.posts = posts;
        this.postService = postService;
    }

    @Override
    public List<String> usedBy(UUID mediaId) {
        return posts.describeUsersOf(mediaId);
    }

    @Override
    public int detachAll(UUID mediaId) {
        List<UUID> users = posts.showing(mediaId);
        users.forEach(id -> postService.cascade(id, p -> {
            if (mediaId.equals(p.featuredMediaId)) {
                p.featuredMediaId = null;
            }
            p.gallery.removeIf(mediaId::equals);
            p.seo = p.seo.withoutImage(mediaId);
        }));
        return users.size();
    }
}
