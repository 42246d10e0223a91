package com.omniops.support.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that means "the database cannot be reached right now" (no connection within Hikari's
 * connection timeout, a connection that was cut, a server shutting down or refusing connections), however Spring,
 * jOOQ or Axon wrapped it. Both apps answer such a failure with 503 {@value #CODE} and {@code Retry-After}: the
 * request changed nothing and may be sent again, unlike a 500.
 */
public final class DatabaseOutage {

    public static final String CODE = "DATABASE_UNAVAILABLE";
    /** Seconds a client should wait before retrying; a restart of PostgreSQL usually takes a few seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String DETAIL = "The database is not reachable at the moment; nothing was changed. "
            + "Retry after " + RETRY_AFTER_SECONDS + " seconds.";

    private DatabaseOutage() {
    }

    /** True when {@code failure} or one of its causes says the database is unreachable. */
    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and 57P01..57P03 (the server terminated the session, crashed, or is
     * starting up / shutting down): PostgreSQL's codes for a session that is gone, not for a bad statement.
     */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
