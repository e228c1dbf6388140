package org.tribune.category;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.persistence.SyncSource;

/** Categories in the changes feed: every one is public. */
@ApplicationScoped
class CategorySync implements SyncSource {

    private final CategoryRepository categories;
    private final CategoryService service;

    CategorySync(CategoryRepository categories, CategoryService service) {
        this.categories = categories;
        this.service = service;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(CategoryService.RESOURCE_TYPE);
    }

    @Override
    public Map<UUID, Current> current(String resourceType, Collection<UUID> ids, boolean withRepresentation) {
        return SyncSource.of(categories.findByIds(ids), withRepresentation, c -> service.get(c.id));
    }
}
