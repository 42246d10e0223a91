package com.omniops.devdb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * Which PostgreSQL a run uses, decided once in one place for the tests (and mirrored by run.sh): a configured server
 * always wins, then one running at the default address, and only when neither answers (and none was configured) an
 * embedded one. A configured server that does not answer is an error, not a reason to fall back silently, unless the
 * fallback is asked for explicitly ({@link Mode#FALLBACK}).
 */
public record PostgresChoice(Kind kind, String host, int port, String description) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5432;

    public enum Kind {
        /** the configured server answers */
        CONFIGURED,
        /** nothing configured; a server answers at the default address */
        RUNNING,
        /** start an embedded server */
        EMBEDDED,
        /** nothing usable: {@link #description()} says why and what to do */
        UNAVAILABLE
    }

    /** When an embedded server may be started. */
    public enum Mode {
        /** only when nothing is configured and nothing answers at the default address (the default) */
        AUTO,
        /** also when a configured server does not answer */
        FALLBACK,
        /** never */
        OFF;

        public static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("embedded PostgreSQL mode '" + value + "' is not one of auto, "
                        + "fallback, off");
            }
        }
    }

    /**
     * @param configuredHost the configured host, or null
     * @param configuredPort the configured port, or null
     * @param configured     whether any connection setting was configured (host, port, user or password)
     * @param answers        whether a PostgreSQL (or anything) accepts connections at host and port
     */
    public static PostgresChoice choose(String configuredHost, Integer configuredPort, boolean configured, Mode mode,
                                        BiPredicate<String, Integer> answers) {
        String host = configuredHost != null ? configuredHost : DEFAULT_HOST;
        int port = configuredPort != null ? configuredPort : DEFAULT_PORT;
        if (answers.test(host, port)) {
            return configured
                    ? new PostgresChoice(Kind.CONFIGURED, host, port, "configured PostgreSQL at " + host + ":" + port)
                    : new PostgresChoice(Kind.RUNNING, host, port, "running PostgreSQL at " + host + ":" + port);
        }
        if (mode == Mode.OFF) {
            return new PostgresChoice(Kind.UNAVAILABLE, host, port, "no PostgreSQL answers at " + host + ":" + port
                    + " and the embedded one is switched off");
        }
        if (configured && mode != Mode.FALLBACK) {
            return new PostgresChoice(Kind.UNAVAILABLE, host, port, "the configured PostgreSQL at " + host + ":" + port
                    + " does not answer (a configured server is never replaced silently; allow the embedded one "
                    + "with mode fallback)");
        }
        return new PostgresChoice(Kind.EMBEDDED, null, 0, "nothing answers at " + host + ":" + port);
    }

    /** Whether something accepts TCP connections there within a second. */
    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
