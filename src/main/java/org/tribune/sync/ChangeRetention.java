package org.tribune.sync;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tribune.common.Clock;
import org.tribune.persistence.ChangeLog;

/** Keeps the change log bounded: what the changes feed no longer needs after the retention is dropped. */
@ApplicationScoped
public class ChangeRetention {

    private static final Logger LOG = Logger.getLogger(ChangeRetention.class);

    private final ChangeLog log;
    private final Clock clock;
    private final Duration retention;

    public ChangeRetention(
            ChangeLog log, Clock clock, @ConfigProperty(name = "tribune.changes.retention") Duration retention) {
        this.log = log;
        this.clock = clock;
        this.retention = retention;
    }

    /** Safe on every instance at once: a second compaction finds nothing left to drop. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compactOnSchedule() {
        compact();
    }

    @Transactional
    public int compact() {
        int dropped = log.compact(clock.now().minus(retention));
        if (dropped > 0) {
            LOG.infof("Dropped %d changes older than %s that the changes feed no longer needs", dropped, retention);
        }
        return dropped;
    }
}
