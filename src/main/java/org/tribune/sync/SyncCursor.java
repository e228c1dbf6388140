package org.tribune.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tribune.common.ApiException;
import org.tribune.persistence.Cursor;
import org.tribune.persistence.VisibilitySchedule.TimedChange;

/**
 * How far a client has synced: every change-log entry up to {@code seq} of the log's {@code epoch}, read after the
 * log's {@code compactions}-th compaction, and every change that came by itself (a scheduled post going public) up to
 * {@code at}, then {@code atId}. Opaque to clients, encoded as the lists' cursors are, and bound to its scope.
 */
record SyncCursor(SyncScope scope, long epoch, long compactions, long seq, Instant at, UUID atId) {

    /** Sorts before every id: the databases compare UUIDs as unsigned bytes. */
    static final UUID FIRST_ID = new UUID(0L, 0L);

    private static final String KIND = "changes:";

    /**
     * Before everything the log holds, and at the last change that came by itself: a client syncing from the start
     * reads the resources it changed as they are now, which they already show.
     */
    static SyncCursor start(SyncScope scope, long epoch, long compactions, Optional<TimedChange> lastByItself) {
        return new SyncCursor(
                scope,
                epoch,
                compactions,
                0,
                lastByItself.map(TimedChange::at).orElse(Instant.EPOCH),
                lastByItself.map(TimedChange::resourceId).orElse(FIRST_ID));
    }

    String encode() {
        return new Cursor(KIND + scope.wireName(), List.of(epoch, compactions, seq, at, atId)).encode();
    }

    static SyncCursor decode(String raw, SyncScope scope) {
        Cursor cursor = Cursor.decode(
                raw,
                KIND + scope.wireName(),
                5,
                madeFor -> madeFor.startsWith(KIND)
                        ? "was made for scope=" + madeFor.substring(KIND.length()) + ", not scope=" + scope.wireName()
                                + ": keep the scope of the page it came from, or start again without it"
                        : "is a list's cursor, not the changes feed's: send the next value of the feed's page before");
        long seq = cursor.value(2, Long.class);
        if (seq < 0) {
            throw ApiException.invalid(Cursor.PARAMETER, "is not a cursor of the changes feed");
        }
        return new SyncCursor(
                scope,
                cursor.value(0, Long.class),
                cursor.value(1, Long.class),
                seq,
                cursor.value(3, Instant.class),
                cursor.value(4, UUID.class));
    }
}
