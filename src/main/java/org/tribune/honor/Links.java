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
import org.tribune.common.FieldError;
import org.tribune.media.MediaRef;
import org.tribune.media.MediaService;

/** What honorary citizens and awards share: checking and embedding their media and related posts. */
@ApplicationScoped
public class Links {

    private final MediaService media;
    private final Instance<RelatedPosts> posts;

    public Links(MediaService media, Instance<RelatedPosts> posts) {
        this.media = media;
        this.posts = posts;
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

    Map<UUID, MediaRef> media(Collection<UUID> ids) {
        List<UUID> present = ids.stream().filter(Objects::nonNull).toList();
        return present.isEmpty() ? Map.of() : media.refs(present);
    }
}
