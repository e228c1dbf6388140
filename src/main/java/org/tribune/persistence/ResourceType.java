package org.tribune.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the write pipeline needs to know about one kind of resource.
 *
 * @param name the resource's name in the change log, such as {@code post}
 * @param label how a 404 names it, such as {@code Post}
 * @param view builds the representation whose ETag If-Match names, and which a write answers with
 * @param writable the rows a write may reach; others answer 404 as if they did not exist (a post in the trash)
 * @param guard who may change a row, checked once it is locked and before its precondition
 * @param footprint what other representations show of a row (a category's name and slug in a post, a post's
 *     visibility in a category's count); when a write changes it, {@link Changed} is fired so that they are recorded as
 *     changed too. Null when nothing shows the resource.
 * @param slug the row's slug, for resources read by slug: when a write changes it, the old one is kept in
 *     {@link SlugHistory}. Null for resources without one.
 */
public record ResourceType<E extends VersionedEntity, V>(
        String name,
        String label,
        Class<E> entity,
        PanacheRepositoryBase<E, UUID> repository,
        Function<E, V> view,
        Predicate<E> writable,
        Consumer<E> guard,
        Function<E, ?> footprint,
        Function<E, String> slug) {

    public static <E extends VersionedEntity, V> ResourceType<E, V> of(
            String name,
            String label,
            Class<E> entity,
            PanacheRepositoryBase<E, UUID> repository,
            Function<E, V> view) {
        return new ResourceType<>(name, label, entity, repository, view, e -> true, e -> {}, null, null);
    }

    public ResourceType<E, V> writableWhen(Predicate<E> rule) {
        return new ResourceType<>(name, label, entity, repository, view, rule, guard, footprint, slug);
    }

    public ResourceType<E, V> guardedBy(Consumer<E> rule) {
        return new ResourceType<>(name, label, entity, repository, view, writable, rule, footprint, slug);
    }

    public ResourceType<E, V> showing(Function<E, ?> rule) {
        return new ResourceType<>(name, label, entity, repository, view, writable, guard, rule, slug);
    }

    /** Read by slug: old slugs keep answering (301) and stay reserved to the row. */
    public ResourceType<E, V> sluggedBy(Function<E, String> rule) {
        return new ResourceType<>(name, label, entity, repository, view, writable, guard, footprint, rule);
    }

    String slugOf(E row) {
        return slug == null ? null : slug.apply(row);
    }

    /** What other representations show of {@code row} now; null when nothing shows this kind of resource. */
    Object footprintOf(E row) {
        return footprint == null ? null : footprint.apply(row);
    }

    /** The same type, reaching rows its usual writes do not (restoring or purging a post from the trash). */
    public ResourceType<E, V> anyRow() {
        return writableWhen(e -> true);
    }
}
