package org.tribune.persistence;

import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.List;
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

    public ChangeLog(
            DataSource dataSource, TransactionSynchronizationRegistry transactions, Clock clock, Callers callers) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.clock = clock;
        this.callers = callers;
    }

    /** Records a write of the current transaction; written when it commits, forgotten when it rolls back. */
    public void record(String resourceType, UUID resourceId, ChangeAction action, long version) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("A change is recorded inside the transaction that makes it");
        }
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) transactions.getResource(KEY);
        if (pending == null) {
            pending = new ArrayList<>();
            transactions.putResource(KEY, pending);
            List<Pending> toWrite = pending;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    append(toWrite);
                }

                @Override
                public void afterCompletion(int status) {}
            });
        }
        Caller caller = callers.current();
        pending.add(new Pending(
                resourceType, resourceId, action, version, clock.now(), caller.accountId(), caller.apiTokenId()));
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
                                rs.getLong(5),
                                rs.getObject(6, OffsetDateTime.class).toInstant(),
                                rs.getObject(7, UUID.class),
                                rs.getObject(8, UUID.class)));
                    }
                }
                return entries;
            }
        });
    }

    /** The number of the last committed entry; 0 when nothing was recorded yet. */
    public long lastSeq() {
        return connected(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT last_seq FROM change_log_head WHERE id = 1");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void append(List<Pending> pending) {
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
                for (Pending p : pending) {
                    st.setLong(1, ++last);
                    st.setString(2, p.resourceType());
                    st.setObject(3, p.resourceId());
                    st.setString(4, p.action().name());
                    st.setLong(5, p.version());
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

    private record Pending(
            String resourceType,
            UUID resourceId,
            ChangeAction action,
            long version,
            Instant changedAt,
            UUID actorId,
            UUID apiTokenId) {}

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
