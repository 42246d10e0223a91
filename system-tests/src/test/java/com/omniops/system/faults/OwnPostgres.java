package com.omniops.system.faults;

import com.omniops.devdb.EmbeddedServer;
import com.omniops.system.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own ({@link EmbeddedServer}): the tests that stop, restart or replicate a database
 * run the apps on one, so the machine's server stays up for every other test.
 */
final class OwnPostgres {

    private OwnPostgres() {
    }

    static void createDatabase(EmbeddedServer server, String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedServer.USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    /** Deletes a cluster's data directory once its server has stopped (a durable cluster keeps it otherwise). */
    static void deleteDirectory(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** The arguments every test app gets ({@link TestDatabase#appArgs}), with the own cluster's credentials. */
    static String[] appArgs(String jdbcUrl, String name, String... extra) {
        String[] args = TestDatabase.appArgs(jdbcUrl, name, extra);
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--spring.datasource.username=")) {
                args[i] = "--spring.datasource.username=" + EmbeddedServer.USER;
            } else if (args[i].startsWith("--spring.datasource.password=")) {
                args[i] = "--spring.datasource.password=";
            }
        }
        return args;
    }
}
