package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.tribune.account.AccountService;
import org.tribune.category.CategoryService;
import org.tribune.honor.AwardService;
import org.tribune.honor.HonoraryCitizenService;
import org.tribune.honor.PrizeService;
import org.tribune.media.MediaService;
import org.tribune.persistence.ChangeLog;
import org.tribune.persistence.Changed;
import org.tribune.site.PermalinkKind;
import org.tribune.site.SiteFootprint;
import org.tribune.site.SiteService;

/**
 * Records as changed every representation that shows a post, or that a post shows, when what it shows changes: the
 * posts that embed a renamed category, photo, author, honorary citizen, award or prize; the categories whose count
 * of public posts moves; the honorary citizens and awards whose related posts change. The post feature keeps all of
 * these links, so it is the one that can name them.
 */
@ApplicationScoped
class PostDependents {

    private final PostRepository posts;
    private final AwardService awards;
    private final ChangeLog log;

    PostDependents(PostRepository posts, AwardService awards, ChangeLog log) {
        this.posts = posts;
        this.awards = awards;
        this.log = log;
    }

    void record(@Observes Changed change) {
        if (change.is(PostService.RESOURCE_TYPE)) {
            postChanged(change.before(PostFootprint.class), change.after(PostFootprint.class));
        } else if (!change.isUpdate()) {
            // A new resource is shown nowhere yet; a deleted one is taken out of each post by a write of that post.
            return;
        } else if (change.is(SiteService.RESOURCE_TYPE)) {
            if (SiteFootprint.moves(
                    change.before(SiteFootprint.class), change.after(SiteFootprint.class), PermalinkKind.post)) {
                embeddedPosts(posts.allIds());
            }
        } else if (change.is(CategoryService.RESOURCE_TYPE)) {
            embeddedPosts(posts.filedIn(change.id()));
        } else if (change.is(AccountService.RESOURCE_TYPE)) {
            embeddedPosts(posts.authoredBy(change.id()));
        } else if (change.is(MediaService.RESOURCE_TYPE)) {
            embeddedPosts(posts.showing(change.id()));
            // Related posts show their featured photo.
            embeddedHonors(posts.featuring(change.id()));
        } else if (change.is(HonoraryCitizenService.RESOURCE_TYPE)) {
            embeddedPosts(posts.aboutHonoraryCitizen(change.id()));
        } else if (change.is(AwardService.RESOURCE_TYPE)) {
            embeddedPosts(posts.aboutAwards(List.of(change.id())));
        } else if (change.is(PrizeService.RESOURCE_TYPE)) {
            embeddedPosts(posts.aboutAwards(awards.idsOfPrize(change.id())));
        }
    }

    private void postChanged(PostFootprint before, PostFootprint after) {
        Set<UUID> countedBefore = before == null ? Set.of() : before.countedIn();
        Set<UUID> countedAfter = after == null ? Set.of() : after.countedIn();
        // A new publication time takes back the moment the post went public by itself, which the changes feed would
        // otherwise tell (with the categories that counted it from then) to a client that has not synced since.
        boolean republished =
                before != null && after != null && !Objects.equals(before.publishedAt(), after.publishedAt());
        Set<UUID> counted =
                republished ? union(countedBefore, countedAfter) : symmetricDifference(countedBefore, countedAfter);
        counted.forEach(id -> log.recordEmbedded(CategoryService.RESOURCE_TYPE, id));
        Set<UUID> citizens;
        Set<UUID> awarded;
        if (before == null || after == null || !before.sameRelatedPost(after)) {
            citizens = union(
                    before == null ? Set.of() : before.honoraryCitizens(),
                    after == null ? Set.of() : after.honoraryCitizens());
            awarded = union(before == null ? Set.of() : before.awards(), after == null ? Set.of() : after.awards());
        } else {
            citizens = symmetricDifference(before.honoraryCitizens(), after.honoraryCitizens());
            awarded = symmetricDifference(before.awards(), after.awards());
        }
        citizens.forEach(id -> log.recordEmbedded(HonoraryCitizenService.RESOURCE_TYPE, id));
        awarded.forEach(id -> log.recordEmbedded(AwardService.RESOURCE_TYPE, id));
    }

    private void embeddedPosts(Collection<UUID> ids) {
        ids.forEach(id -> log.recordEmbedded(PostService.RESOURCE_TYPE, id));
    }

    private void embeddedHonors(Collection<UUID> postIds) {
        posts.honoraryCitizensOf(postIds).forEach(id -> log.recordEmbedded(HonoraryCitizenService.RESOURCE_TYPE, id));
        posts.awardsOf(postIds).forEach(id -> log.recordEmbedded(AwardService.RESOURCE_TYPE, id));
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> Set<T> symmetricDifference(Set<T> a, Set<T> b) {
        Set<T> all = union(a, b);
        Set<T> both = new HashSet<>(a);
        both.retainAll(b);
        all.removeAll(both);
        return all;
    }
}
