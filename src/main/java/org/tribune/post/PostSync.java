package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.persistence.SyncSource;

/** Posts in the changes feed: visible as a read of them is (the public sees what is published and due). */
@ApplicationScoped
class PostSync implements SyncSource {

    private final PostService posts;

    PostSync(PostService posts) {
        this.posts = posts;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(PostService.RESOURCE_TYPE);
    }

    @Override
    public Map<UUID, Current> current(String resourceType, Collection<UUID> ids, boolean withRepresentation) {
        return posts.current(ids, withRepresentation);
    }
}
