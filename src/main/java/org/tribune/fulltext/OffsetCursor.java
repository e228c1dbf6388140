package org.tribune.fulltext;

import java.util.List;
import java.util.UUID;
import org.tribune.persistence.Cursor;
import org.tribune.persistence.PageRequest;

/**
 * Cursors of engine-ranked pages. A relevance order has no column to resume after, so its cursor holds a position;
 * it names the order it was made for, as keyset cursors do, so that one is never used with another.
 */
public final class OffsetCursor {

    private OffsetCursor() {}

    /** Where the page starts: its number's offset, or the position its cursor holds. */
    public static int offset(PageRequest page, String kind) {
        if (!page.byCursor()) {
            return page.offset();
        }
        Cursor cursor = Cursor.decode(
                page.after(),
                kind,
                2,
                madeFor -> "was made for another order or list (" + madeFor + ", not " + kind
                        + "): keep the query and sort of the page it came from, or start again without it");
        long offset = cursor.value(0, Long.class);
        return (int) Math.max(0, Math.min(offset, Integer.MAX_VALUE - PageRequest.MAX_SIZE));
    }

    /** The cursor of the page after one that started at {@code offset}; null when it was the last. */
    public static String next(int offset, PageRequest page, int returned, long total, UUID lastId, String kind) {
        long nextOffset = (long) offset + returned;
        return returned < page.size() || nextOffset >= total || lastId == null
                ? null
                : new Cursor(kind, List.of(nextOffset, lastId)).encode();
    }
}
