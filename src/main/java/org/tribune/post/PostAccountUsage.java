package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.tribune.account.AccountUsage;

/** Tells the accounts feature how many posts someone wrote, and hands them over when the account is deleted. */
@ApplicationScoped
public class PostAccountUsage implements AccountUsage {

    private final PostRepository posts;
    private final PostService postService;

    public PostAccountUsage(PostRepository posts, PostService postService) {
        this.posts = posts;
        this.postService = postService;
    }

    @Override
    public long countAuthoredBy(UUID accountId) {
        return posts.countByAuthor(accountId);
    }

    @Override
    public int reassign(UUID from, UUID to) {
        List<UUID> authored = posts.authoredBy(from);
        authored.forEach(id -> postService.cascade(id, p -> p.authorId = to));
        return authored.size();
    }
}
