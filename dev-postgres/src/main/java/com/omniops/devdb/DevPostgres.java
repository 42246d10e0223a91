package com.omniops.devdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * run.sh's database helper, so that the main job needs no psql client:
 * <pre>
 *   serve DATA_DIR PORT_FILE                     embedded PostgreSQL on a free port, data kept in DATA_DIR; writes
 *                                                the port to PORT_FILE when it accepts connections; runs until stopped
 *   prepare HOST PORT USER DATABASE [--reset] [--demo]
 *                                                create DATABASE if missing; --reset recreates it; --demo recreates it
 *                                                when its demo load started and never completed
 * </pre>
 * The password comes from PGPASSWORD. Lines starting with "[omniops]" are meant for the person running run.sh.
 */
public final class DevPostgres {

    /** The command side's demo load lock (DemoLoadRecord.LOCK_KEY): held while a load runs. */
    static final long DEMO_LOAD_LOCK_KEY = 0x0DE7_010AL;

    private DevPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("serve")) {
            serve(Path.of(args[1]), Path.of(args[2]));
        } else if (args.length >= 5 && args[0].equals("prepare")) {
            List<String> flags = Arrays.asList(args).subList(5, args.length);
            try {
                prepare(args[1], Integer.parseInt(args[2]), args[3], env("PGPASSWORD"), args[4],
                        flags.contains("--reset"), flags.contains("--demo"));
            } catch (SQLException e) {
                System.out.println("[omniops] PostgreSQL at " + args[1] + ":" + args[2] + " refused: " + e.getMessage());
                System.exit(1);
            }
        } else {
            System.err.println("usage: serve DATA_DIR PORT_FILE | prepare HOST PORT USER DATABASE [--reset] [--demo]");
            System.exit(2);
        }
    }

    static void serve(Path dataDirectory, Path portFile) throws Exception {
        Files.deleteIfExists(portFile);
        EmbeddedServer server = EmbeddedServer.start(dataDirectory.toAbsolutePath(), true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(portFile);
                server.close();
            } catch (Exception e) {
                System.err.println("[dev-postgres] stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }, "dev-postgres-stop"));
        Path written = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(written, Integer.toString(server.port()));
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[dev-postgres] embedded PostgreSQL " + server.version() + " on 127.0.0.1:" + server.port()
                + ", data in " + server.dataDirectory());
        stopped.await();
    }

    static void prepare(String host, int port, String user, String password, String database, boolean reset,
                        boolean demo) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name '" + database + "' must be lower case letters, digits, _");
        }
        String server = "jdbc:postgresql://" + host + ":" + port + "/";
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password)) {
            boolean exists = exists(admin, database);
            if (exists && reset) {
                say("Dropping database " + database + " (reset requested)");
                recreate(admin, database);
                return;
            }
            if (exists && demo) {
                String interrupted;
                try (Connection db = DriverManager.getConnection(server + database, user, password)) {
                    interrupted = interruptedDemoLoad(db);
                }
                if (interrupted != null) {
                    say(interrupted + "; recreating database " + database + " for a fresh load");
                    recreate(admin, database);
                }
                return;
            }
            if (!exists) {
                say("Creating database " + database);
                try (Statement s = admin.createStatement()) {
                    s.execute("CREATE DATABASE " + database);
                }
            }
        }
    }

    /** What went wrong with the demo load, or null when there is none or it completed (or is running right now). */
    static String interruptedDemoLoad(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('demo_load') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT started_at, progress_day, days, failure FROM demo_load"
                + " WHERE completed_at IS NULL"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            String text = "The demo load started at " + rs.getTimestamp(1).toInstant() + " stopped at day "
                    + rs.getInt(2) + " of " + rs.getInt(3) + (rs.getString(4) == null ? "" : " (" + rs.getString(4) + ")")
                    + " and never completed";
            try (Statement s = db.createStatement();
                 ResultSet lock = s.executeQuery("SELECT pg_try_advisory_lock(" + DEMO_LOAD_LOCK_KEY + ")")) {
                lock.next();
                if (!lock.getBoolean(1)) {
                    return null; // a command side is loading it right now
                }
            }
            try (Statement s = db.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + DEMO_LOAD_LOCK_KEY + ")");
            }
            return text;
        }
    }

    private static boolean exists(Connection admin, String database) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void recreate(Connection admin, String database) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }

    private static void say(String line) {
        System.out.println("[omniops] " + line);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
