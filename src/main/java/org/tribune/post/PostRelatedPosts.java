package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.common.Clock;
import org.tribune.honor.RelatedPost;
import org.tribune.honor.RelatedPosts;
import org.tribune.media.MediaRef;
import org.tribune.media.MediaService;
import org.tribune.security.Callers;

/**
 * The posts side of the links with honorary citizens and awards. Links live on the posts, and changing them goes
 * through the post entities, so that each changed post's version and updatedAt move.
 */
@ApplicationScoped
public class PostRelatedPosts implements RelatedPosts {

    private final PostRepository posts;
    private final MediaService media;
    private final Callers callers;
    private final Clock time;
    private final PostService postService;

    public PostRelatedPosts(
            PostRepository posts, MediaService media, Callers callers, Clock time, PostService postService) {
        this.posts = posts;
        this.postService = postService;
        this.media = media;
        this.callers = callers;
        this.time = time;
    }

    @Override
    public Map<UUID, List<RelatedPost>> of(Kind kind, Collection<UUID> recordIds) {
        // The public sees only published posts; signed-in readers also see drafts, as in every other listing.
        List<Object[]> pairs =
                posts.linkedTo(collection(kind), recordIds, callers.current().isAnonymous(), time.now());
        Map<UUID, MediaRef> featured = media.refs(pairs.stream()
                .map(r -> ((Post) r[1]).featuredMediaId)
                .filter(m -> m != null)
                .toList());
        Map<UUID, List<RelatedPost>> result = new LinkedHashMap<>();
        for (Object[] pair : pairs) {
            Post p = (Post) pair[1];
            result.computeIfAbsent((UUID) pair[0], k -> new ArrayList<>())
                    .add(new RelatedPost(
                            p.id,
                            p.slug,
                            p.title,
                            p.excerpt,
                            p.publishedAt,
                            p.featuredMediaId == null ? null : featured.get(p.featuredMediaId)));
        }
        return result;
    }

    @Override
    public Set<UUID> existing(Collection<UUID> postIds) {
        Set<UUID> found = new HashSet<>();
        posts.list("id in ?1", Set.copyOf(postIds)).forEach(p -> found.add(p.id));
        return found;
    }

    @Override
    public void link(Kind kind, UUID recordId, List<UUID> postIds) {
        Set<UUID> wanted = Set.copyOf(postIds);
        for (Post p : posts.linkedPosts(collection(kind), recordId)) {
            if (!wanted.contains(p.id)) {
                postService.cascade(p.id, locked -> links(kind, locked).remove(recordId));
            }
        }
        if (!wanted.isEmpty()) {
            for (Post p : posts.list("id in ?1", wanted)) {
                if (!links(kind, p).contains(recordId)) {
                    postService.cascade(p.id, locked -> links(kind, locked).add(recordId));
                }
            }
        }
    }

    @Override
    public void unlinkAll(Kind kind, UUID recordId) {
        link(kind, recordId, List.of());
    }

    private static String collection(Kind kind) {
        return kind == Kind.HONORARY_CITIZEN ? "honoraryCitizenIds" : "awardIds";
    }

    private static List<UUID> links(Kind kind, Post p) {
        return kind == Kind.HONORARY_CITIZEN ? p.honoraryCitizenIds : p.awardIds;
    }
}
