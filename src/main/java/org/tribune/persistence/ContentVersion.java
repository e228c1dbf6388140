package org.tribune.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.tribune.common.Clock;

/**
 * The version of all content, shared by every instance: the change log's last sequence number, and the next moment
 * public content changes with no write (see {@link VisibilitySchedule}). Two reads of the same thing at the same
 * version, before that moment, give the same answer, which is what lets a read be served from a cache.
 *
 * <p>{@link #current()} is a read barrier: the version it returns was read from the database after the call began,
 * so it includes every write committed before then, on any instance. Concurrent callers share the reads: while one
 * read of the head runs, callers that arrive wait for the next one, which serves them all. Under load, one query
 * answers many requests; alone, a request pays one query.
 */
@ApplicationScoped
public class ContentVersion {

    /**
     * {@code seq} is the change log head, read at {@code readAt}; {@code validUntil} the next scheduled change after
     * that. A clock set back before {@code readAt} ends it too: what was read then may show a post not yet due.
     */
    public record Version(long seq, Instant readAt, Instant validUntil) {

        public boolean holdsAt(Instant now) {
            return !now.isBefore(readAt) && now.isBefore(validUntil);
        }
    }

    private static final Instant NEVER = Instant.MAX;

    private final ChangeLog log;
    private final Instance<VisibilitySchedule> schedules;
    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readFinished = lock.newCondition();
    private long readsStarted;
    private long readsFinished;
    private boolean reading;
    private Version last = new Version(-1, Instant.MIN, Instant.MIN);

    public ContentVersion(ChangeLog log, Instance<VisibilitySchedule> schedules, Clock clock) {
        this.log = log;
        this.schedules = schedules;
        this.clock = clock;
    }

    public Version current() {
        lock.lock();
        try {
            // A read that is already running may have begun before this call: only the next one counts.
            long needed = readsStarted + 1;
            while (readsFinished < needed) {
                if (reading) {
                    readFinished.awaitUninterruptibly();
                    continue;
                }
                reading = true;
                long mine = ++readsStarted;
                Version previous = last;
                Version read;
                lock.unlock();
                try {
                    read = read(previous);
                } finally {
                    lock.lock();
                    reading = false;
                    readFinished.signalAll();
                }
                last = read;
                readsFinished = mine;
            }
            return last;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The head first, then the schedule: a write committed between the two can only bring the next change earlier,
     * never hide it from a version it belongs to.
     */
    private Version read(Version previous) {
        long seq = log.lastSeq();
        Instant now = clock.now();
        if (seq == previous.seq() && previous.holdsAt(now)) {
            return previous;
        }
        Instant next = NEVER;
        for (VisibilitySchedule schedule : schedules) {
            Instant at = schedule.nextChangeAfter(now).orElse(NEVER);
            if (at.isBefore(next)) {
                next = at;
            }
        }
        return new Version(seq, now, next);
    }
}
