package org.tribune.common;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * A service Tribune depends on (the media storage, say) cannot be reached: the request may succeed a few seconds
 * later, so clients get 503 with Retry-After instead of a 500. Thrown by the adapters of those services; the
 * database's own failures are recognised by {@link #of(Throwable)} from their SQL state.
 */
public class DependencyUnavailable extends IOException {

    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** Bounds the search, as a failure's causes and suppressed exceptions may form a large graph. */
    private static final int MAX_EXAMINED = 64;

    private final String dependency;

    /** {@code dependency} names it for the client, such as "The media storage". */
    public DependencyUnavailable(String dependency, String message, Throwable cause) {
        super(message, cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }

    /**
     * What could not be reached, if that is why the failure happened: a {@code DependencyUnavailable} among the
     * causes, or a database connection that failed or was closed under the request (SQL state class 08, and 57P01 to
     * 57P03 when the server shuts down or starts), or a connection the pool could not lend in time.
     *
     * <p>Suppressed exceptions are searched as well as causes: when a commit fails because the connection was lost,
     * the transaction manager throws a bare {@code RollbackException} and attaches the driver's failure to it as
     * suppressed, not as its cause.
     */
    public static Optional<Evidence> of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < MAX_EXAMINED) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof DependencyUnavailable d) {
                return Optional.of(new Evidence(d.dependency(), d));
            }
            if (t instanceof SQLTransientConnectionException
                    || (t instanceof SQLException sql && lostConnection(sql))) {
                return Optional.of(new Evidence("The database", t));
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return Optional.empty();
    }

    /**
     * What was not available ({@code dependency}, named for the client, such as "The database") and the exception
     * that shows it, for the log: often not the root cause, as the transaction manager attaches it as suppressed.
     */
    public record Evidence(String dependency, Throwable failure) {}

    private static boolean lostConnection(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // Agroal's own refusal when no connection could be lent within the acquisition timeout.
            return e.getMessage() != null && e.getMessage().contains("acquisition timeout");
        }
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
