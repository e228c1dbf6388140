package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.tribune.account.AccountUsage;

/** Tells the accounts feature how many posts someone wrote, and hands them over when the account is deleted. */
@ApplicationScoped
public class PostAccountUsage implements AccountUsage {

    private final PostRepository posts;

    public PostAccountUsage(PostRepository posts) {
        this.posts = posts;
    }

    @Override
    public long countAuthoredBy(UUID accountId) {
        return posts.countByAuthor(accountId);
    }

    @Override
    public int reassign(UUID from, UUID to) {
        return posts.reassignAuthor(from, to, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
