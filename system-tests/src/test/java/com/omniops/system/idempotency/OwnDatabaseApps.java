package com.omniops.system.idempotency;

import com.omniops.command.CommandSideApplication;
import com.omniops.query.QuerySideApplication;
import com.omniops.system.support.TestDatabase;
import com.omniops.system.support.TestMerchant;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Both apps on a database of their own, which the outage tests take away and give back: the suites sharing
 * {@code TestApps} or {@code IsolatedApps} must never see that. Closed by the test class that started them.
 */
final class OwnDatabaseApps implements AutoCloseable {

    private final String jdbcUrl;
    private final String databaseName;
    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;

    OwnDatabaseApps() {
        jdbcUrl = TestDatabase.create("omniops_test_outage_");
        databaseName = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        commandSide = CommandSideApplication.builder().run(args("command-side"));
        querySide = QuerySideApplication.builder().run(args("query-side"));
    }

    String commandUrl() {
        return "http://localhost:" + commandSide.getEnvironment().getProperty("local.server.port");
    }

    String queryUrl() {
        return "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port");
    }

    TestMerchant merchant() {
        return new TestMerchant(this::commandUrl);
    }

    /** A connection of the test's own to the apps' database. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, TestDatabase.USER, TestDatabase.PASSWORD);
    }

    /** A connection to the server's {@code postgres} database, which stays reachable during the outage. */
    Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + "postgres",
                TestDatabase.USER, TestDatabase.PASSWORD);
    }

    String databaseName() {
        return databaseName;
    }

    /**
     * The database goes away as in a restart: it refuses new connections and every open session is terminated
     * (the apps' pooled connections, their running statements, the test's own connections).
     */
    void takeDatabaseAway() throws SQLException {
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + databaseName + " ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + databaseName
                    + "' AND pid <> pg_backend_pid()");
        }
    }

    void bringDatabaseBack() throws SQLException {
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + databaseName + " ALLOW_CONNECTIONS true");
        }
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
    }

    private String[] args(String name) {
        return TestDatabase.appArgs(jdbcUrl, name + "-outage-test");
    }
}
