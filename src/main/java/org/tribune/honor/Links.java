package org.tribune.honor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.tribune.common.FieldError;
import org.tribune.media.MediaRef;
import org.tribune.media.MediaService;
import org.tribune.persistence.Precondition;
import org.tribune.persistence.ResourceType;
import org.tribune.persistence.SlugHistory;
import org.tribune.persistence.VersionedEntity;
import org.tribune.persistence.Writes;
import org.tribune.site.Permalinks;
import org.tribune.site.Seo;
import org.tribune.site.SeoMetadata;
import org.tribune.site.SiteService;

/** What honorary citizens and awards share: checking and embedding their media and related posts. */
@ApplicationScoped
public class Links {

    private final MediaService media;
    private final Instance<RelatedPosts> posts;
    private final Writes writes;
    private final SiteService site;
    private final SlugHistory slugHistory;

    public Links(
            MediaService media,
            Instance<RelatedPosts> posts,
            Writes writes,
            SiteService site,
            SlugHistory slugHistory) {
        this.slugHistory = slugHistory;
        this.media = media;
        this.posts = posts;
        this.writes = writes;
        this.site = site;
    }

    SlugHistory slugHistory() {
        return slugHistory;
    }

    Permalinks permalinks() {
        return site.permalinks();
    }

    /**
     * Creates a record that posts mention (an honorary citizen, an award): the rules return the posts it names,
     * which are linked once its row exists.
     */
    <E extends VersionedEntity, V> V create(
            ResourceType<E, V> type, E entity, RelatedPosts.Kind kind, Function<E, List<UUID>> rules) {
        List<UUID> related = new ArrayList<>();
        return writes.create(type, entity, e -> related.addAll(rules.apply(e)), e -> posts().link(kind, e.id, related));
    }

    /** Changes such a record: the posts its rules return are linked, the ones it no longer names unlinked. */
    <E extends VersionedEntity, V> V update(
            ResourceType<E, V> type,
            UUID id,
            Precondition precondition,
            RelatedPosts.Kind kind,
            Function<E, List<UUID>> rules) {
        return writes.update(type, id, precondition, e -> posts().link(kind, id, rules.apply(e)));
    }

    /** Deletes such a record: the posts that mentioned it lose the link, and their versions move. */
    <E extends VersionedEntity, V> void delete(
            ResourceType<E, V> type, UUID id, Precondition precondition, RelatedPosts.Kind kind) {
        writes.delete(type, id, precondition, e -> posts().unlinkAll(kind, id));
    }

    /** The posts that mention a record, as a merge patch of it starts from. */
    List<UUID> relatedIds(RelatedPosts.Kind kind, UUID id) {
        return posts().of(kind, List.of(id)).getOrDefault(id, List.of()).stream()
                .map(RelatedPost::id)
                .toList();
    }

    RelatedPosts posts() {
        return posts.get();
    }

    void checkMedia(UUID id, String field, List<FieldError> errors) {
        if (id != null && media.existing(List.of(id)).isEmpty()) {
            errors.add(new FieldError(field, "refers to no existing media: " + id));
        }
    }

    /** Reports unknown post ids by position; returns the ids without repeats. */
    List<UUID> checkPosts(List<UUID> ids, String field, List<FieldError> errors) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Set<UUID> existing = posts().existing(ids);
        List<UUID> result = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!existing.contains(ids.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "refers to no existing post: " + ids.get(i)));
            } else if (!result.contains(ids.get(i))) {
                result.add(ids.get(i));
            }
        }
        return result;
    }

    /** The refs of these photos and of what the items' search and sharing fields may show, in one statement. */
    Map<UUID, MediaRef> media(Collection<UUID> photos, Collection<Seo> seos) {
        List<UUID> ids = new ArrayList<>(photos);
        ids.addAll(site.seoImages(seos));
        return media(ids);
    }

    Seo checkedSeo(Seo seo, List<FieldError> errors) {
        return site.checked(seo, errors);
    }

    SeoMetadata metadata(
            Seo seo, String title, String description, UUID photo, String permalink, Map<UUID, MediaRef> media) {
        return site.metadata(seo, title, description, photo, permalink, media);
    }

    Map<UUID, MediaRef> media(Collection<UUID> ids) {
        List<UUID> present = ids.stream().filter(Objects::nonNull).toList();
        return present.isEmpty() ? Map.of() : media.refs(present);
    }
}
