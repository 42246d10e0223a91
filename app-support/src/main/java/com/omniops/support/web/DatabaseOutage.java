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
 * <p>
 * One case among them is not an outage: every pooled connection is busy with other requests and none became free
 * within the connection timeout, while the database answers ({@link #isOverload}). That is the service being busy
 * (an open-loop overload, a burst), answered 503 {@value #OVERLOADED_CODE} with a shorter {@code Retry-After}, so a
 * client or an operator does not go looking for a database that is down.
 */
public final class DatabaseOutage {

    public static final String CODE = "DATABASE_UNAVAILABLE";
    /** Seconds a client should wait before retrying; a restart of PostgreSQL usually takes a few seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String DETAIL = "The database is not reachable at the moment; nothing was changed. "
            + "Retry after " + RETRY_AFTER_SECONDS + " seconds.";

    /** Every database connection stayed busy for the whole connection timeout; the database itself answers. */
    public static final String OVERLOADED_CODE = "OVERLOADED";
    /** A busy pool frees a connection within milliseconds to seconds; one second spreads the retries. */
    public static final int OVERLOADED_RETRY_AFTER_SECONDS = 1;
    public static final String OVERLOADED_DETAIL = "The service is busy: no database connection became free in "
            + "time. Nothing was changed. Retry after " + OVERLOADED_RETRY_AFTER_SECONDS + " second.";

    /** Hikari's words for a wait for a pooled connection that ran out (HikariPool.createTimeoutException). */
    /** Hikari's words when a connection it has closed is used again (ProxyConnection.ClosedConnection). */
    private static final String CLOSED_BY_POOL = "Connection is closed";
    private static final String POOL_TIMEOUT = "Connection is not available, request timed out";

    private DatabaseOutage() {
    }

    /**
     * True when {@code failure} (or a cause) is Hikari's pool timeout while the pool records no failed connection
     * attempt: all connections were in use and none came free in time, but the database accepted every connection
     * the pool asked for. Hikari attaches the last failed attempt as the timeout's cause and clears it as soon as a
     * connection is made again, so a database that refuses or drops connections gives a timeout with a cause and
     * stays {@value #CODE}. (Connections hanging on a database that stopped answering without refusing look busy too:
     * from inside the app that is indistinguishable from load, and is answered as such.)
     */
    public static boolean isOverload(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException timeout && timeout.getCause() == null
                    && timeout.getNextException() == null && timeout.getMessage() != null
                    && timeout.getMessage().contains(POOL_TIMEOUT)) {
                return true;
            }
        }
        return false;
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
            if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isClosedByPool(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's proxy of a connection it already closed (because the connection was cut) throws a plain
     * {@code SQLException("Connection is closed")} without an SQLSTATE, e.g. when a cut connection is used again in
     * the middle of a JDBC batch (an event append).
     */
    private static boolean isClosedByPool(SQLException sql) {
        return sql.getSQLState() == null && CLOSED_BY_POOL.equals(sql.getMessage());
    }

    /**
     * SQLSTATE class 08 (connection exception) and 57P01..57P03 (the server terminated the session, crashed, or is
     * starting up / shutting down): PostgreSQL's codes for a session that is gone, not for a bad statement.
     */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
