package org.tribune.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The readiness check's own connection: kept while valid, opened again after a failure, DOWN while it cannot be. */
class DatabaseReadinessTest {

    private static final String H2 = "jdbc:h2:mem:readiness-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

    @Test
    void aReachableDatabaseIsUpAndItsConnectionIsKeptBetweenChecks() {
        AtomicInteger opened = new AtomicInteger();
        DatabaseReadiness check = new DatabaseReadiness(null, () -> {
            opened.incrementAndGet();
            return DriverManager.getConnection(H2);
        });

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        assertThat(opened).hasValue(1);
        check.closeOnShutdown();
    }

    @Test
    void aDatabaseThatCannotBeReachedIsDownWithoutSayingWhyToTheCaller() {
        DatabaseReadiness check = new DatabaseReadiness(null, () -> {
            throw new SQLException("Connection to db.internal:5432 refused", "08001");
        });

        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("error", "not reachable");
        assertThat(response.getData().orElseThrow().toString()).doesNotContain("db.internal");
    }

    @Test
    void aConnectionThatWasCutIsOpenedAgainAtTheNextCheck() throws SQLException {
        AtomicInteger opened = new AtomicInteger();
        Connection[] last = new Connection[1];
        DatabaseReadiness check = new DatabaseReadiness(null, () -> {
            opened.incrementAndGet();
            last[0] = DriverManager.getConnection(H2);
            return last[0];
        });
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        last[0].close();

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(opened).hasValue(2);
        check.closeOnShutdown();
    }

    @Test
    void anInstanceBecomesReadyAgainOnceTheDatabaseIsBack() {
        boolean[] down = {true};
        DatabaseReadiness check = new DatabaseReadiness(null, () -> {
            if (down[0]) {
                throw new SQLException("the database system is starting up", "57P03");
            }
            return DriverManager.getConnection(H2);
        });
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

        down[0] = false;

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        check.closeOnShutdown();
    }
}
