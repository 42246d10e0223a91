package com.omniops.system.support;

import com.omniops.devdb.EmbeddedServer;
import com.omniops.devdb.PostgresChoice;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A fresh PostgreSQL database per test JVM, so every run starts from an empty event store and leaves nothing behind.
 * The server is chosen once per JVM ({@link PostgresChoice}) and named in one line at start: the one configured with
 * OMNIOPS_TEST_PG_HOST/PORT/USER/PASSWORD, else one running on 127.0.0.1:5432 (user postgres, trust auth), else an
 * embedded PostgreSQL 15 started for this JVM (data in a temporary directory). OMNIOPS_TEST_PG_EMBEDDED=fallback also
 * falls back when a configured server does not answer; =off never starts one.
 */
public final class TestDatabase {

    private static final String[] SETTINGS = {"OMNIOPS_TEST_PG_HOST", "OMNIOPS_TEST_PG_PORT", "OMNIOPS_TEST_PG_USER",
            "OMNIOPS_TEST_PG_PASSWORD"};
    private static final PostgresChoice CHOICE = PostgresChoice.choose(env("OMNIOPS_TEST_PG_HOST", null),
            port(env("OMNIOPS_TEST_PG_PORT", null)), Stream.of(SETTINGS).anyMatch(n -> env(n, null) != null),
            PostgresChoice.Mode.parse(System.getenv("OMNIOPS_TEST_PG_EMBEDDED")), PostgresChoice::answers);
    private static final EmbeddedServer EMBEDDED = CHOICE.kind() == PostgresChoice.Kind.EMBEDDED ? startEmbedded()
            : null;
    private static final String HOST = EMBEDDED != null ? EMBEDDED.host() : CHOICE.host();
    private static final int PORT = EMBEDDED != null ? EMBEDDED.port() : CHOICE.port();
    public static final String USER = EMBEDDED != null ? EmbeddedServer.USER : env("OMNIOPS_TEST_PG_USER", "postgres");
    public static final String PASSWORD = EMBEDDED != null ? "" : env("OMNIOPS_TEST_PG_PASSWORD", "");

    static {
        System.out.println("[omniops-test] PostgreSQL for this run: " + (EMBEDDED != null ? "embedded PostgreSQL "
                + EMBEDDED.version() + " on " + HOST + ":" + PORT + ", data in " + EMBEDDED.dataDirectory() + " ("
                + CHOICE.description() + ")" : CHOICE.description()));
    }

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
        if (CHOICE.kind() == PostgresChoice.Kind.UNAVAILABLE) {
            throw new IllegalStateException("No PostgreSQL for the tests: " + CHOICE.description() + ". Start one "
                    + "(pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or unset the "
                    + "OMNIOPS_TEST_PG_* variables.");
        }
        String name = prefix + System.currentTimeMillis() + "_" + ThreadLocalRandom.current().nextInt(1000, 9999);
        admin("CREATE DATABASE " + name);
        if (EMBEDDED == null) { // an embedded server's whole data directory goes when the JVM exits
            Runtime.getRuntime().addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + name
                    + " WITH (FORCE)")));
        }
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

    private static EmbeddedServer startEmbedded() {
        try {
            EmbeddedServer server = EmbeddedServer.start(Files.createTempDirectory("omniops-test-pg-"), false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away; zonky's own hook stops the server too
                }
            }));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("The embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private static Integer port(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The command-line arguments that start one of the apps on its own database {@code jdbcUrl}: a random port, a
     * small pool (several apps share the test server), no banner, and {@code applicationName} (seen in
     * pg_stat_activity and the logs); {@code extra} last, so it can override any of them.
     */
    public static String[] appArgs(String jdbcUrl, String applicationName, String... extra) {
        String[] base = {
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=6",
                "--spring.datasource.hikari.minimum-idle=1",
                "--spring.main.banner-mode=off",
                "--spring.application.name=" + applicationName};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }
}
