package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        return posts.publishedByTime(from, fromId, until, limit).stream()
                .map(PostSchedule::wentPublic)
                .toList();
    }

    @Override
    @Transactional
    public Optional<TimedChange> lastChangeUpTo(Instant until) {
        return posts.lastPublishedByTime(until).map(PostSchedule::wentPublic);
    }

    private static TimedChange wentPublic(Post p) {
        List<ResourceKey> shown = new ArrayList<>();
        p.categoryIds.forEach(id -> shown.add(new ResourceKey(CategoryService.RESOURCE_TYPE, id)));
        p.honoraryCitizenIds.forEach(id -> shown.add(new ResourceKey(HonoraryCitizenService.RESOURCE_TYPE, id)));
        p.awardIds.forEach(id -> shown.add(new ResourceKey(AwardService.RESOURCE_TYPE, id)));
        return new TimedChange(p.publishedAt, PostService.RESOURCE_TYPE, p.id, List.copyOf(shown));
    }
}
