package org.tribune.category;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tribune.media.MediaUsage;

/** Categories' sharing images: media deletion names the categories, and force clears them. */
@ApplicationScoped
class CategoryMediaUsage implements MediaUsage {

    private final CategoryRepository categories;
    private final CategoryService service;

    CategoryMediaUsage(CategoryRepository categories, CategoryService service) {
        this.categories = categories;
        this.service = service;
    }

    @Override
    public List<String> usedBy(UUID mediaId) {
        return categories.findByIds(Set.copyOf(categories.sharing(mediaId))).stream()
                .map(c -> "category '" + c.name + "', when shared (" + c.id + ")")
                .toList();
    }

    @Override
    public int detachAll(UUID mediaId) {
        List<UUID> sharing = categories.sharing(mediaId);
        sharing.forEach(id -> service.detachSharingImage(id, mediaId));
        return sharing.size();
    }
}
