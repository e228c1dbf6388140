package org.tribune.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** Which failures tell the client to retry (503) rather than report a fault (500). */
class DependencyUnavailableTest {

    @Test
    void aDatabaseConnectionLostOrRefusedDuringARestartIsUnavailability() {
        for (String state : new String[] {"08006", "08001", "08003", "57P01", "57P02", "57P03"}) {
            Throwable wrapped = new IllegalStateException(
                    "The change log could not be read or written", new SQLException("gone", state));
            assertThat(DependencyUnavailable.of(wrapped))
                    .as(state)
                    .map(DependencyUnavailable.Evidence::dependency)
                    .contains("The database");
        }
        assertThat(DependencyUnavailable.of(new RuntimeException(new SQLTransientConnectionException("timeout"))))
                .map(DependencyUnavailable.Evidence::dependency)
                .contains("The database");
        assertThat(DependencyUnavailable.of(new SQLException("Sorry, acquisition timeout!")))
                .map(DependencyUnavailable.Evidence::dependency)
                .contains("The database");
    }

    @Test
    void aCommitThatFailsBecauseTheConnectionWasLostIsUnavailability() {
        // What the cluster-fault script met during a PostgreSQL restart: Narayana's RollbackException carries the
        // resource's XAException as suppressed, and the interceptor wraps the checked exception.
        XAException resource = new XAException("Error trying to commit local transaction");
        resource.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(resource);
        Throwable wrapped = new ArcUndeclaredThrowableException("Error invoking subclass method", rollback);

        var evidence = DependencyUnavailable.of(wrapped).orElseThrow();
        assertThat(evidence.dependency()).isEqualTo("The database");
        assertThat(evidence.failure()).hasMessageContaining("I/O error");
    }

    @Test
    void aLostConnectionReportedAsTheNextExceptionOfABatchIsUnavailability() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "XX000");
        batch.setNextException(new SQLException("This connection has been closed.", "08003"));

        assertThat(DependencyUnavailable.of(batch))
                .map(DependencyUnavailable.Evidence::dependency)
                .contains("The database");
    }

    @Test
    void aFailureWhoseSuppressedExceptionsReferToItselfEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);

        assertThat(DependencyUnavailable.of(a)).isEmpty();
    }

    @Test
    void aStoreThatCannotBeReachedIsNamedForTheClient() {
        Throwable e = new java.io.UncheckedIOException(
                new DependencyUnavailable("The media storage", "Could not store 1/original", null));
        assertThat(DependencyUnavailable.of(e))
                .map(DependencyUnavailable.Evidence::dependency)
                .contains("The media storage");
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
