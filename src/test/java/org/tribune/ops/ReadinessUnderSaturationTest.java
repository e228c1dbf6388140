package org.tribune.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A pool with every connection lent and requests waiting is a busy instance, not a broken one: it stays ready, so
 * that a load balancer does not take every instance out at once when the database is slow.
 */
@QuarkusTest
class ReadinessUnderSaturationTest {

    @Inject
    AgroalDataSource pool;

    @Test
    void anInstanceWhosePoolIsExhaustedWithRequestsWaitingStaysReady() throws Exception {
        int max = pool.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> lent = new ArrayList<>();
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        Future<?> waiting = CompletableFuture.completedFuture(null);
        try {
            while (lent.size() < max) {
                lent.add(pool.getConnection());
            }
            waiting = waiter.submit(() -> {
                try (Connection ignored = pool.getConnection()) {
                    return null;
                }
            });
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (pool.getMetrics().awaitingCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(pool.getMetrics().awaitingCount())
                    .as("requests waiting for a connection")
                    .isPositive();

            given().noFilters()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'database' }.data.connectionsLent", greaterThanOrEqualTo(max))
                    .body(
                            "checks.find { it.name == 'database' }.data.requestsWaitingForAConnection",
                            greaterThanOrEqualTo(1));
        } finally {
            for (Connection connection : lent) {
                closeQuietly(connection);
            }
            waiter.shutdown();
        }
        // Once the lent connections are back, the request that waited gets one.
        waiting.get(10, TimeUnit.SECONDS);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
