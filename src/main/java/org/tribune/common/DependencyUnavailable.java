package org.tribune.common;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;

/**
 * A service Tribune depends on (the media storage, say) cannot be reached: the request may succeed a few seconds
 * later, so clients get 503 with Retry-After instead of a 500. Thrown by the adapters of those services; the
 * database's own failures are recognised by {@link #of(Throwable)} from their SQL state.
 */
public class DependencyUnavailable extends IOException {

    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

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
     * What could not be reached, if that is why the failure happened: a {@code DependencyUnavailable} in the causes,
     * or a database connection that failed or was closed under the request (SQL state class 08, and 57P01 to 57P03
     * when the server shuts down or starts), or a connection the pool could not lend in time.
     */
    public static Optional<String> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DependencyUnavailable d) {
                return Optional.of(d.dependency());
            }
            if (t instanceof SQLTransientConnectionException
                    || (t instanceof SQLException sql && lostConnection(sql))) {
                return Optional.of("The database");
            }
        }
        return Optional.empty();
    }

    private static boolean lostConnection(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // Agroal's own refusal when no connection could be lent within the acquisition timeout.
            return e.getMessage() != null && e.getMessage().contains("acquisition timeout");
        }
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
