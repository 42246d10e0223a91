package com.omniops.devdb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server for real: PostgreSQL 15 from the binaries on the classpath, started (as root here, which
 * PostgreSQL itself refuses), queried, stopped and started again on the same data directory; and run.sh's
 * {@code prepare}, which recreates a database whose demo load never completed.
 */
class EmbeddedServerTest {

    @TempDir
    Path temp;

    @Test
    void startsAnswersAndKeepsItsDataAcrossRestarts() throws Exception {
        Path data = temp.resolve("data");
        try (EmbeddedServer server = EmbeddedServer.start(data, true)) {
            assertThat(server.version()).startsWith("15.");
            assertThat(PostgresChoice.answers(server.host(), server.port())).isTrue();
            execute(server, "postgres", "CREATE TABLE kept (n INTEGER); INSERT INTO kept VALUES (42)");
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
        try (EmbeddedServer again = EmbeddedServer.start(data, true)) {
            assertThat(single(again, "postgres", "SELECT n FROM kept")).isEqualTo("42");
        }
    }

    @Test
    void prepareCreatesTheDatabaseAndRecreatesItWhenItsDemoLoadNeverCompleted() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(temp.resolve("data"), false)) {
            DevPostgres.prepare(server.host(), server.port(), EmbeddedServer.USER, "", "demo_db", false, true);
            execute(server, "demo_db", "CREATE TABLE demo_load (id SMALLINT, started_at TIMESTAMPTZ, progress_day INT,"
                    + " days INT, failure VARCHAR(500), completed_at TIMESTAMPTZ);"
                    + " INSERT INTO demo_load VALUES (1, now(), 37, 90, NULL, now())");

            DevPostgres.prepare(server.host(), server.port(), EmbeddedServer.USER, "", "demo_db", false, true);
            assertThat(single(server, "demo_db", "SELECT progress_day FROM demo_load")).isEqualTo("37");

            execute(server, "demo_db", "UPDATE demo_load SET completed_at = NULL");
            DevPostgres.prepare(server.host(), server.port(), EmbeddedServer.USER, "", "demo_db", false, true);
            assertThat(single(server, "demo_db", "SELECT to_regclass('demo_load') IS NULL")).isEqualTo("t");

            execute(server, "demo_db", "CREATE TABLE kept (n INTEGER)");
            DevPostgres.prepare(server.host(), server.port(), EmbeddedServer.USER, "", "demo_db", true, false);
            assertThat(single(server, "demo_db", "SELECT to_regclass('kept') IS NULL")).isEqualTo("t");
        }
    }

    private static void execute(EmbeddedServer server, String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), EmbeddedServer.USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String single(EmbeddedServer server, String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), EmbeddedServer.USER, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
