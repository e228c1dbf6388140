package org.tribune.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.tribune.common.Clock;
import org.tribune.security.Caller;
import org.tribune.security.Callers;

/**
 * The record of every write, appended in the write's own transaction, so that a rolled-back write leaves no entry.
 *
 * <p>Entries are buffered during the transaction and written just before it commits, under the lock of the single
 * {@code change_log_head} row. That lock is the last one a writing transaction takes and is held until it commits,
 * so sequence numbers are given out in commit order and without gaps, on any number of instances sharing the
 * database. A reader that has seen entry n therefore never finds a lower number appearing later; taking the lock
 * last means no transaction waits for a row lock while holding it, so it cannot take part in a deadlock.
 */
@ApplicationScoped
public class ChangeLog {

    private static final Object KEY = ChangeLog.class;

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final Callers callers;
    private final Event<Recorded> recorded;
    private final Event<Committed> committed;

    public ChangeLog(
            DataSource dataSource,
            TransactionSynchronizationRegistry transactions,
            Clock clock,
            Callers callers,
            Event<Recorded> recorded,
            Event<Committed> committed) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.clock = clock;
        this.callers = callers;
        this.recorded = recorded;
        this.committed = committed;
    }

    /**
     * A write was recorded in the current transaction, whose state it can read: for what must change in the same
     * transaction (PostgreSQL's search documents). Observers run before the write goes on, and a failure fails it.
     */
    public record Recorded(String resourceType, UUID resourceId, ChangeAction action) {}

    /** A transaction that recorded writes has committed: for what follows the log from outside (Lucene's index). */
    public record Committed() {}

    /** Records a write of the current transaction; written when it commits, forgotten when it rolls back. */
    public void record(String resourceType, UUID resourceId, ChangeAction action, long version) {
        pending().add(resourceType, resourceId, action, version);
        recorded.fire(new Recorded(resourceType, resourceId, action));
    }

    /**
     * Records that a resource's representation changed with no write of its own ({@link ChangeAction#embedded}): it
     * shows something the current transaction changed. Once per resource and transaction, and not at all when the
     * transaction also writes the resource, whose own entry says as much.
     */
    public void recordEmbedded(String resourceType, UUID resourceId) {
        pending().addEmbedded(resourceType, resourceId);
    }

    private Pending pending() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("A change is recorded inside the transaction that makes it");
        }
        Pending pending = (Pending) transactions.getResource(KEY);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(KEY, pending);
            Pending toWrite = pending;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    append(toWrite.entries);
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        committed.fire(new Committed());
                    }
                }
            });
        }
        return pending;
    }

    /** The entries of one transaction, in order. */
    private final class Pending {

        private final List<Entry> entries = new ArrayList<>();
        private final Set<String> written = new HashSet<>();
        private final Set<String> embedded = new HashSet<>();

        void add(String resourceType, UUID resourceId, ChangeAction action, Long version) {
            String key = key(resourceType, resourceId);
            if (action != ChangeAction.embedded && embedded.remove(key)) {
                // Its own entry says its representation changed; the earlier one would only repeat it.
                entries.removeIf(e -> e.action() == ChangeAction.embedded
                        && e.resourceType().equals(resourceType)
                        && e.resourceId().equals(resourceId));
            }
            Caller caller = callers.current();
            entries.add(new Entry(
                    resourceType, resourceId, action, version, clock.now(), caller.accountId(), caller.apiTokenId()));
            written.add(key(resourceType, resourceId));
        }

        void addEmbedded(String resourceType, UUID resourceId) {
            String key = key(resourceType, resourceId);
            if (!written.contains(key) && embedded.add(key)) {
                add(resourceType, resourceId, ChangeAction.embedded, null);
            }
        }

        private static String key(String resourceType, UUID resourceId) {
            return resourceType + '/' + resourceId;
        }
    }

    /** Entries after {@code seq}, oldest first. */
    public List<ChangeEntry> after(long seq, int limit) {
        return connected(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT seq, resource_type, resource_id, action, version, changed_at, actor_id, api_token_id"
                            + " FROM change_log WHERE seq > ? ORDER BY seq")) {
                st.setLong(1, seq);
                st.setMaxRows(limit);
                List<ChangeEntry> entries = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new ChangeEntry(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getObject(3, UUID.class),
                                ChangeAction.valueOf(rs.getString(4)),
                                rs.getObject(5, Long.class),
                                rs.getObject(6, OffsetDateTime.class).toInstant(),
                                rs.getObject(7, UUID.class),
                                rs.getObject(8, UUID.class)));
                    }
                }
                return entries;
            }
        });
    }

    /**
     * Where the log stands: the number of its last committed entry; how many times it was compacted, and its horizon,
     * the newest removal a compaction dropped (a reader that had read only up to before it, and began before that
     * compaction, may have missed one); and its epoch, which a restored backup moves, since the log is then another
     * site's.
     */
    public record Bounds(long head, long compactions, long horizon, long epoch) {}

    public Bounds bounds() {
        return connected(c -> {
            try (PreparedStatement st = c.prepareStatement(
                            "SELECT last_seq, compactions, horizon, epoch FROM change_log_head WHERE id = 1");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Bounds(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        });
    }

    /**
     * Keeps the log bounded: drops each entry changed before {@code cutoff} that a later one of the same resource
     * supersedes (a client reading from any point still meets the later one), then each removal changed before it
     * that is its resource's last entry. A reader that began before this compaction and has not read past the newest
     * removal dropped may have missed it: the horizon and the count of compactions let the changes feed tell it so.
     * Runs in the caller's transaction; the head's row is locked last, as writes do.
     *
     * @return the number of entries dropped
     */
    public int compact(Instant cutoff) {
        return connected(c -> {
            if (c.getAutoCommit()) {
                // Removals dropped without the horizon moving would let a cursor skip them unawares.
                throw new IllegalStateException("The change log is compacted in one transaction");
            }
            OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
            int superseded;
            try (PreparedStatement st = c.prepareStatement("DELETE FROM change_log WHERE changed_at < ? AND EXISTS"
                    + " (SELECT 1 FROM change_log l WHERE l.resource_type = change_log.resource_type"
                    + " AND l.resource_id = change_log.resource_id AND l.seq > change_log.seq"
                    + " AND (l.action <> 'embedded' OR change_log.action = 'embedded'))")) {
                st.setObject(1, before);
                superseded = st.executeUpdate();
            }
            String lastRemovals = " FROM change_log WHERE action = 'deleted' AND changed_at < ? AND NOT EXISTS"
                    + " (SELECT 1 FROM change_log l WHERE l.resource_type = change_log.resource_type"
                    + " AND l.resource_id = change_log.resource_id AND l.seq > change_log.seq)";
            long newestRemoval = 0;
            try (PreparedStatement st = c.prepareStatement("SELECT MAX(seq)" + lastRemovals)) {
                st.setObject(1, before);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        newestRemoval = rs.getLong(1);
                    }
                }
            }
            if (newestRemoval == 0) {
                return superseded;
            }
            int removals;
            try (PreparedStatement st = c.prepareStatement("DELETE" + lastRemovals)) {
                st.setObject(1, before);
                removals = st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE change_log_head SET compactions = compactions + 1,"
                    + " horizon = CASE WHEN horizon > ? THEN horizon ELSE ? END WHERE id = 1")) {
                st.setLong(1, newestRemoval);
                st.setLong(2, newestRemoval);
                st.executeUpdate();
            }
            return superseded + removals;
        });
    }

    private void append(List<Entry> pending) {
        if (pending.isEmpty()) {
            return;
        }
        connected(c -> {
            if (c.getAutoCommit()) {
                // Entries that committed on their own would outlive a write that then failed.
                throw new IllegalStateException("The change log is written only on the write's own connection");
            }
            long last;
            try (PreparedStatement st =
                            c.prepareStatement("SELECT last_seq FROM change_log_head WHERE id = 1 FOR UPDATE");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO change_log (seq, resource_type, resource_id,"
                    + " action, version, changed_at, actor_id, api_token_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Entry p : pending) {
                    st.setLong(1, ++last);
                    st.setString(2, p.resourceType());
                    st.setObject(3, p.resourceId());
                    st.setString(4, p.action().name());
                    st.setObject(5, p.version(), Types.BIGINT);
                    st.setObject(6, p.changedAt().atOffset(ZoneOffset.UTC));
                    st.setObject(7, p.actorId(), Types.OTHER);
                    st.setObject(8, p.apiTokenId(), Types.OTHER);
                    st.addBatch();
                }
                st.executeBatch();
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE change_log_head SET last_seq = ? WHERE id = 1")) {
                st.setLong(1, last);
                st.executeUpdate();
            }
            return null;
        });
        pending.clear();
    }

    /**
     * Runs on a connection from the pool: inside a transaction the pool hands out the one enlisted in it (the
     * entries commit or roll back with the write), outside one a connection of its own. A Hibernate session is not
     * used: during beforeCompletion it would open a second one whose connection nobody closes.
     */
    private <T> T connected(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("The change log could not be read or written", e);
        }
    }

    private record Entry(
            String resourceType,
            UUID resourceId,
            ChangeAction action,
            Long version,
            Instant changedAt,
            UUID actorId,
            UUID apiTokenId) {}

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
