package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tribune.category.CategoryService;
import org.tribune.honor.AwardService;
import org.tribune.honor.HonoraryCitizenService;
import org.tribune.persistence.VisibilitySchedule;

/**
 * Scheduled posts go public at their time with no write: the earliest such time is the next public change, and each
 * one that came also changed the categories that count it and the records that list it.
 */
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

    @Override
    @Transactional
    public List<TimedChange> changesBetween(Instant from, UUID fromId, Instant until, int limit) {
        return wentPublic(posts.publishedByTime(from, fromId, until, limit));
    }

    @Override
    @Transactional
    public Optional<TimedChange> lastChangeUpTo(Instant until) {
        return posts.lastPublishedByTime(until).map(p -> wentPublic(List.of(p)).get(0));
    }

    /** What each post's going public changed, with what they show loaded for all of them in one statement each. */
    private List<TimedChange> wentPublic(List<Post> published) {
        List<UUID> ids = published.stream().map(p -> p.id).toList();
        Map<UUID, Set<UUID>> categories = posts.categoryIdsOf(ids);
        Map<UUID, Set<UUID>> citizens = posts.honoraryCitizenIdsOf(ids);
        Map<UUID, Set<UUID>> awards = posts.awardIdsOf(ids);
        List<TimedChange> changes = new ArrayList<>(published.size());
        for (Post p : published) {
            List<ResourceKey> shown = new ArrayList<>();
            categories
                    .getOrDefault(p.id, Set.of())
                    .forEach(id -> shown.add(new ResourceKey(CategoryService.RESOURCE_TYPE, id)));
            citizens.getOrDefault(p.id, Set.of())
                    .forEach(id -> shown.add(new ResourceKey(HonoraryCitizenService.RESOURCE_TYPE, id)));
            awards.getOrDefault(p.id, Set.of())
                    .forEach(id -> shown.add(new ResourceKey(AwardService.RESOURCE_TYPE, id)));
            changes.add(new TimedChange(p.publishedAt, PostService.RESOURCE_TYPE, p.id, List.copyOf(shown)));
        }
        return changes;
    }
}
