package org.tribune.persistence;

import java.util.List;
import java.util.function.Function;

/**
 * A validated page position: a page number (LIMIT and OFFSET), or {@code after}, the cursor of the previous page
 * (a keyset condition, see {@link SortOrder#keysetHql}). Repositories fetch one row more than the page holds, so
 * that they know whether a next page exists and can hand out its cursor.
 */
public record PageRequest(int page, int size, String after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** The largest page whose offset still fits an int. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    public PageRequest(int page, int size) {
        this(page, size, null);
    }

    public boolean byCursor() {
        return after != null;
    }

    public int offset() {
        return byCursor() ? 0 : (page - 1) * size;
    }

    public int fetchSize() {
        return size + 1;
    }

    /** The items of a page and the cursor of the next one. */
    public record Slice<T>(List<T> items, String next) {}

    /** Keeps the page's items out of what {@link #fetchSize()} fetched; the extra row says there is more. */
    public <T> Slice<T> slice(List<T> fetched, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= size) {
            return new Slice<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, size));
        return new Slice<>(items, cursorOf.apply(items.get(size - 1)).encode());
    }
}
