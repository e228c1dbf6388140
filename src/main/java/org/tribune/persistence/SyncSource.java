package org.tribune.persistence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A feature whose resources the changes feed carries says what each of them is now. It answers for the caller of
 * the current request, as its own reads do ({@code Callers}): the feed runs it as the anonymous caller for the public
 * scope, so that what the feed says is visible is exactly what a read would return.
 */
public interface SyncSource {

    /** The resource types it answers for, as the change log names them. */
    Set<String> resourceTypes();

    /**
     * Those of {@code ids} the caller may read now, each with its version and, when asked, the representation a GET
     * of it returns. The others are absent.
     */
    Map<UUID, Current> current(String resourceType, Collection<UUID> ids, boolean withRepresentation);

    /** @param representation null unless asked for */
    record Current(long version, Object representation) {}

    /**
     * The current state of rows the caller may read, represented by a builder that takes them all at once (the
     * lists' own), so that a page of the feed costs a fixed number of statements however many it names.
     */
    static <E extends VersionedEntity> Map<UUID, Current> ofAll(
            List<E> readable, boolean withRepresentation, Function<List<E>, ? extends List<?>> representations) {
        List<?> views = withRepresentation ? representations.apply(readable) : null;
        Map<UUID, Current> current = new LinkedHashMap<>();
        for (int i = 0; i < readable.size(); i++) {
            E row = readable.get(i);
            current.put(row.id, new Current(row.version, views == null ? null : views.get(i)));
        }
        return current;
    }

    /** The current state of rows the caller may read, each represented as a GET of it would be. */
    static <E extends VersionedEntity> Map<UUID, Current> of(
            Collection<E> readable, boolean withRepresentation, Function<E, ?> representation) {
        Map<UUID, Current> current = new LinkedHashMap<>();
        for (E row : readable) {
            current.put(row.id, new Current(row.version, withRepresentation ? representation.apply(row) : null));
        }
        return current;
    }
}
