package org.tribune.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures tell the client to retry (503) rather than report a fault (500). */
class DependencyUnavailableTest {

    @Test
    void aDatabaseConnectionLostOrRefusedDuringARestartIsUnavailability() {
        for (String state : new String[] {"08006", "08001", "08003", "57P01", "57P02", "57P03"}) {
            Throwable wrapped = new IllegalStateException(
                    "The change log could not be read or written", new SQLException("gone", state));
            assertThat(DependencyUnavailable.of(wrapped)).as(state).contains("The database");
        }
        assertThat(DependencyUnavailable.of(new RuntimeException(new SQLTransientConnectionException("timeout"))))
                .contains("The database");
        assertThat(DependencyUnavailable.of(new SQLException("Sorry, acquisition timeout!")))
                .contains("The database");
    }

    @Test
    void aStoreThatCannotBeReachedIsNamedForTheClient() {
        Throwable e = new java.io.UncheckedIOException(
                new DependencyUnavailable("The media storage", "Could not store 1/original", null));
        assertThat(DependencyUnavailable.of(e)).contains("The media storage");
    }

    @Test
    void constraintViolationsAndProgrammingErrorsAreNot() {
        assertThat(DependencyUnavailable.of(new SQLException("duplicate key", "23505")))
                .isEmpty();
        assertThat(DependencyUnavailable.of(new SQLException("syntax error", "42601")))
                .isEmpty();
        assertThat(DependencyUnavailable.of(new IllegalStateException("bug"))).isEmpty();
        assertThat(DependencyUnavailable.of(new SQLException("no state"))).isEmpty();
    }
}
