package com.omniops.system.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh PostgreSQL database per test JVM, so every run starts from an empty event store and leaves nothing behind.
 * The server defaults to 127.0.0.1:5432 (user postgres, trust auth); override with OMNIOPS_TEST_PG_HOST/PORT/USER.
 */
public final class TestDatabase {

    private static final String HOST = env("OMNIOPS_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("OMNIOPS_TEST_PG_PORT", "5432");
    public static final String USER = env("OMNIOPS_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("OMNIOPS_TEST_PG_PASSWORD", "");

    private static String url;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (url == null) {
            url = create("omniops_test_");
        }
        return url;
    }

    /** Another fresh database (dropped when the JVM exits), for suites that must not share the common one. */
    public static String create(String prefix) {
        String name = prefix + System.currentTimeMillis() + "_" + ThreadLocalRandom.current().nextInt(1000, 9999);
        admin("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + name
                + " WITH (FORCE)")));
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres",
                USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is not usable for tests ("
                    + e.getMessage() + "). Start it: pg_ctlcluster --skip-systemctl-redirect "
                    + "$(ls /etc/postgresql) main start", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
