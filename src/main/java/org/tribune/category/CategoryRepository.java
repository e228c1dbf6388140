package org.tribune.category;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, UUID> {

    public Optional<Category> findForUpdate(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Category.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Category> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public boolean slugTaken(String slug, UUID exceptId) {
        return count("slug = :slug and id <> :id", Parameters.with("slug", slug).and("id", orNil(exceptId))) > 0;
    }

    public boolean nameTaken(String nameKey, UUID exceptId) {
        return count(
                        "nameKey = :key and id <> :id",
                        Parameters.with("key", nameKey).and("id", orNil(exceptId)))
                > 0;
    }

    public List<Category> listByParent(UUID parentId, boolean topLevelOnly) {
        if (topLevelOnly) {
            return list("parentId is null");
        }
        if (parentId != null) {
            return list("parentId", parentId);
        }
        return listAll();
    }

    public List<Category> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    public List<Category> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slug in ?1", slugs);
    }

    public int moveChildrenToTop(UUID parentId, Instant now) {
        return update("parentId = null, updatedAt = ?1, version = version + 1 where parentId = ?2", now, parentId);
    }

    private static UUID orNil(UUID id) {
        return id == null ? new UUID(0, 0) : id;
    }
}
