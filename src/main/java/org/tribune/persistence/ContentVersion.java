package org.tribune.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.tribune.common.Clock;

/**
 * The version of all content, shared by every instance: where the change log stands (its last sequence number, and
 * how often it was compacted or replaced by a restored backup, see {@link ChangeLog.Bounds}), and the next moment
 * public content changes with no write (see {@link VisibilitySchedule}). Two reads of the same thing at the same
 * version, before that moment, give the same answer, which is what lets a read be served from a cache.
 *
 * <p>{@link #current()} is a read barrier: the version it gives was read from the database after the call began, so
 * it includes every write committed before then, on any instance. Concurrent callers share the reads: a caller starts
 * a read at once when fewer than {@link #READS_IN_FLIGHT} are running, and otherwise waits for the next one to start,
 * which then serves everyone who came while the others ran. Under load, one query answers many requests, and a
 * request waits for about one query instead of the rest of a running one plus a whole next one; alone, a request pays
 * one query. It never blocks its caller, so that a cached answer can be given from the I/O thread.
 */
@ApplicationScoped
public class ContentVersion {

    /**
     * {@code seq} is the change log head, read at {@code readAt}; {@code validUntil} the next scheduled change after
     * that. A clock set back before {@code readAt} ends it too: what was read then may show a post not yet due.
     */
    public record Version(long seq, long compactions, long epoch, Instant readAt, Instant validUntil) {

        public boolean holdsAt(Instant now) {
            return !now.isBefore(readAt) && now.isBefore(validUntil);
        }

        /**
         * No write committed between the two, and the log was neither compacted (which changes what the changes
         * feed answers) nor replaced by a restored backup.
         */
        public boolean sameLogAs(Version other) {
            return seq == other.seq && compactions == other.compactions && epoch == other.epoch;
        }

        private boolean newerThan(Version other) {
            if (epoch != other.epoch) {
                return epoch > other.epoch;
            } else if (compactions != other.compactions) {
                return compactions > other.compactions;
            } else if (seq != other.seq) {
                return seq > other.seq;
            }
            return readAt.isAfter(other.readAt);
        }
    }

    private static final Instant NEVER = Instant.MAX;

    private final ChangeLog log;
    private final Instance<VisibilitySchedule> schedules;
    private final Clock clock;
    private final Executor executor;

    /** Two: a second read overlaps the first by about half of it, a third would mostly add load to the database. */
    static final int READS_IN_FLIGHT = 2;

    private int reading;
    /** The read that will start when a running one ends, with everyone who came while all of them ran. */
    private CompletableFuture<Version> next;

    private volatile Version last = new Version(-1, -1, -1, Instant.MIN, Instant.MIN);

    public ContentVersion(ChangeLog log, Instance<VisibilitySchedule> schedules, Clock clock, Executor executor) {
        this.log = log;
        this.schedules = schedules;
        this.clock = clock;
        this.executor = executor;
    }

    public CompletionStage<Version> current() {
        CompletableFuture<Version> mine;
        synchronized (this) {
            if (next == null) {
                next = new CompletableFuture<>();
            }
            mine = next;
            if (reading == READS_IN_FLIGHT) {
                return mine;
            }
            reading++;
            next = null;
        }
        start(mine);
        return mine;
    }

    private void start(CompletableFuture<Version> target) {
        executor.execute(() -> {
            Version read = null;
            Throwable failure = null;
            try {
                read = read(last);
                remember(read);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            CompletableFuture<Version> following;
            synchronized (this) {
                following = next;
                next = null;
                if (following == null) {
                    reading--;
                }
            }
            if (failure == null) {
                target.complete(read);
            } else {
                target.completeExceptionally(failure);
            }
            if (following != null) {
                start(following);
            }
        });
    }

    /** Two reads may end out of order: the older one must not replace what the newer one found. */
    private synchronized void remember(Version read) {
        if (read.newerThan(last)) {
            last = read;
        }
    }

    /**
     * The head first, then the schedule: a write committed between the two can only bring the next change earlier,
     * never hide it from a version it belongs to.
     */
    private Version read(Version previous) {
        ChangeLog.Bounds log = this.log.bounds();
        Instant now = clock.now();
        Version read = new Version(log.head(), log.compactions(), log.epoch(), now, NEVER);
        if (read.sameLogAs(previous) && previous.holdsAt(now)) {
            return previous;
        }
        Instant nextChange = NEVER;
        for (VisibilitySchedule schedule : schedules) {
            Instant at = schedule.nextChangeAfter(now).orElse(NEVER);
            if (at.isBefore(nextChange)) {
                nextChange = at;
            }
        }
        return new Version(log.head(), log.compactions(), log.epoch(), now, nextChange);
    }
}
