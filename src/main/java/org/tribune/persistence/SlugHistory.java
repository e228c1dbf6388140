package org.tribune.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tribune.common.Clock;

/**
 * The slugs each item had before its current one, so that links made with them keep working (a GET by an old slug
 * answers 301 to the current one) and no other item of the same kind takes them. {@link Writes} records them when a
 * write changes a slug and forgets them when it deletes the item; services ask it whether a slug is free.
 */
@ApplicationScoped
public class SlugHistory {

    private final EntityManager em;
    private final Clock clock;

    public SlugHistory(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Whether {@code slug} is in the history of an item of the type other than {@code id} (null: any item). */
    public boolean heldByAnother(String resourceType, String slug, UUID id) {
        return holder(resourceType, slug).filter(holder -> !holder.equals(id)).isPresent();
    }

    /** The item whose history holds {@code slug}. */
    public Optional<UUID> holder(String resourceType, String slug) {
        List<?> found = em.createNativeQuery(
                        "SELECT resource_id FROM slug_history WHERE resource_type = ?1 AND slug = ?2", UUID.class)
                .setParameter(1, resourceType)
                .setParameter(2, slug)
                .getResultList();
        return found.stream().map(UUID.class::cast).findFirst();
    }

    /** The item's old slugs, the most recently left first. */
    public List<String> of(String resourceType, UUID id) {
        return em
                .createNativeQuery(
                        "SELECT slug FROM slug_history WHERE resource_type = ?1 AND resource_id = ?2"
                                + " ORDER BY retired_at DESC, slug",
                        String.class)
                .setParameter(1, resourceType)
                .setParameter(2, id)
                .getResultList()
                .stream()
                .map(String.class::cast)
                .toList();
    }

    /** The item left {@code before} for {@code after}; taking back one of its own old slugs removes it from history. */
    @Transactional(Transactional.TxType.MANDATORY)
    void moved(String resourceType, UUID id, String before, String after) {
        em.createNativeQuery("DELETE FROM slug_history WHERE resource_type = ?1"
                        + " AND (slug = ?2 OR (slug = ?3 AND resource_id = ?4))")
                .setParameter(1, resourceType)
                .setParameter(2, before)
                .setParameter(3, after)
                .setParameter(4, id)
                .executeUpdate();
        em.createNativeQuery("INSERT INTO slug_history (resource_type, slug, resource_id, retired_at)"
                        + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, resourceType)
                .setParameter(2, before)
                .setParameter(3, id)
                .setParameter(4, clock.now())
                .executeUpdate();
    }

    /** A deleted item's old slugs are free again. */
    @Transactional(Transactional.TxType.MANDATORY)
    void forget(String resourceType, UUID id) {
        em.createNativeQuery("DELETE FROM slug_history WHERE resource_type = ?1 AND resource_id = ?2")
                .setParameter(1, resourceType)
                .setParameter(2, id)
                .executeUpdate();
    }
}
