package org.tribune.persistence;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.agroal.api.security.AgroalDefaultSecurityProvider;
import io.agroal.api.security.AgroalSecurityProvider;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Whether this instance can reach the database, checked on a connection of its own rather than one from the pool.
 *
 * <p>The pool's own check (Quarkus's default) waits for a pooled connection. When the pool stays exhausted longer
 * than the load balancer's check timeout, because the database is slow rather than gone, every instance fails its
 * check at once and the load balancer takes them all out: an overload becomes a full outage. This connection is
 * outside the pool, so a busy pool does not make the instance unready, while a database that cannot be reached from
 * this instance still does. It is opened once and kept, so a check costs one round trip, and it is opened again
 * after it fails. It counts against PostgreSQL's {@code max_connections}: one per instance (docs/deployment.md).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class);
    private static final int VALIDATION_SECONDS = 2;
    private static final int CONNECT_SECONDS = 2;

    /** Checks may come from several load balancers at once; they share the one connection, one at a time. */
    private final ReentrantLock lock = new ReentrantLock();

    private final Connector connector;
    private final AgroalDataSource pool;
    private Connection connection;
    private boolean reachable = true;

    /** Opens a connection that is not the pool's. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    @Inject
    public DatabaseReadiness(AgroalDataSource pool) {
        this(
                pool,
                outsideThePool(
                        pool.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration()));
    }

    DatabaseReadiness(AgroalDataSource pool, Connector connector) {
        this.pool = pool;
        this.connector = connector;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME);
        if (pool != null) {
            var metrics = pool.getMetrics();
            response.withData("connectionsLent", metrics.activeCount())
                    .withData("requestsWaitingForAConnection", metrics.awaitingCount());
        }
        boolean up;
        try {
            up = lock.tryLock(VALIDATION_SECONDS + CONNECT_SECONDS, TimeUnit.SECONDS) && checkHoldingTheLock();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            up = false;
        }
        return up
                ? response.up().build()
                : response.down().withData("error", "not reachable").build();
    }

    private boolean checkHoldingTheLock() {
        try {
            if (connection == null || !connection.isValid(VALIDATION_SECONDS)) {
                close();
                connection = connector.open();
                if (!connection.isValid(VALIDATION_SECONDS)) {
                    throw new SQLException("The new connection is not valid");
                }
            }
            if (!reachable) {
                LOG.info("The database can be reached again");
            }
            reachable = true;
            return true;
        } catch (SQLException | RuntimeException e) {
            close();
            if (reachable) {
                // Once per outage: the checks run every second.
                LOG.warnf("The database cannot be reached (%s); this instance is not ready", e.getMessage());
            }
            reachable = false;
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // It is being replaced because it failed; closing it can fail for the same reason.
            }
            connection = null;
        }
    }

    @PreDestroy
    void closeOnShutdown() {
        lock.lock();
        try {
            close();
        } finally {
            lock.unlock();
        }
    }

    /** The pool's own URL, driver, credentials and properties, so that the check reaches what the pool reaches. */
    static Connector outsideThePool(AgroalConnectionFactoryConfiguration factory) {
        return () -> {
            Properties properties = new Properties();
            properties.putAll(factory.jdbcProperties());
            addSecurity(properties, factory, factory.principal());
            for (Object credential : factory.credentials()) {
                addSecurity(properties, factory, credential);
            }
            String url = factory.jdbcUrl();
            if (url.startsWith("jdbc:postgresql:")) {
                properties.putIfAbsent("connectTimeout", String.valueOf(CONNECT_SECONDS));
                properties.putIfAbsent("ApplicationName", "tribune readiness");
            }
            Class<?> provider = factory.connectionProviderClass();
            if (provider != null && Driver.class.isAssignableFrom(provider)) {
                try {
                    Driver driver = (Driver) provider.getDeclaredConstructor().newInstance();
                    Connection connection = driver.connect(url, properties);
                    if (connection == null) {
                        throw new SQLException(provider.getSimpleName() + " does not accept the datasource's URL");
                    }
                    return connection;
                } catch (ReflectiveOperationException e) {
                    throw new SQLException("The JDBC driver could not be created", e);
                }
            }
            return DriverManager.getConnection(url, properties);
        };
    }

    private static void addSecurity(Properties properties, AgroalConnectionFactoryConfiguration factory, Object item) {
        if (item == null) {
            return;
        }
        for (AgroalSecurityProvider provider : factory.securityProviders()) {
            Properties security = provider.getSecurityProperties(item);
            if (security != null) {
                properties.putAll(security);
                return;
            }
        }
        // Agroal always applies its default provider after the configured ones.
        Properties security = new AgroalDefaultSecurityProvider().getSecurityProperties(item);
        if (security != null) {
            properties.putAll(security);
        }
    }
}
