package org.tribune.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way a repository reads a page of entities in a sort order: by number, or after a cursor. The sort paths
 * are fields of the entity (an alias before them is allowed), so the cursor of the next page is read from the last
 * entity of this one.
 */
public final class Keyset {

    private Keyset() {}

    /**
     * @param query "from Entity e where …", without order by
     */
    public static <E> PageRequest.Slice<E> page(
            PanacheRepositoryBase<E, ?> repository,
            String query,
            Parameters params,
            SortOrder sort,
            Map<String, String> paths,
            String tiebreak,
            PageRequest page) {
        Map<String, Object> keyset = new HashMap<>();
        String after = sort.after(page, paths, tiebreak, keyset);
        keyset.forEach(params::and);
        List<E> fetched = repository
                .find(query + after + sort.toHql(paths, tiebreak), params)
                .range(page.offset(), page.offset() + page.fetchSize() - 1)
                .list();
        return page.slice(fetched, e -> sort.cursorAt(key -> field(e, paths.get(key)), field(e, tiebreak)));
    }

    /** The value of an entity's field named by a sort path such as "c.sortName" or "year". */
    public static Object field(Object entity, String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        for (Class<?> c = entity.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(entity);
            } catch (NoSuchFieldException e) {
                // declared by a superclass, such as the id of VersionedEntity
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read the sort field " + name, e);
            }
        }
        throw new IllegalStateException(
                "No sort field " + name + " on " + entity.getClass().getSimpleName());
    }
}
