package com.omniops.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void springsConnectionFailuresAreOutages() {
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(DatabaseOutage.isCause(new DataAccessResourceFailureException("gone"))).isTrue();
    }

    @Test
    void aPoolTimeoutOrATerminatedSessionIsAnOutageHoweverItIsWrapped() {
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException("timed out after 3000ms");
        assertThat(DatabaseOutage.isCause(new CompletionException(new IllegalStateException(poolTimeout))))
                .isTrue();
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(DatabaseOutage.isCause(new RuntimeException("An event could not be stored", terminated)))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
    }

    @Test
    void aConnectionThePoolClosedIsAnOutage() {
        SQLException closed = new SQLException("Connection is closed"); // Hikari's closed proxy: no SQLSTATE
        assertThat(DatabaseOutage.isCause(new IllegalStateException("An event could not be stored", closed))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("Connection is closed", "42P01"))).isFalse();
    }

    @Test
    void aBadStatementOrAConstraintIsNotAnOutage() {
        assertThat(DatabaseOutage.isCause(new DuplicateKeyException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
    }

    /** As HikariPool.createTimeoutException words it; the cause is the pool's last failed connection attempt. */
    private static SQLTransientConnectionException hikariTimeout(SQLException lastConnectionFailure) {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException("HikariPool-1 - Connection is "
                + "not available, request timed out after 3001ms (total=20, active=20, idle=0, waiting=7)",
                lastConnectionFailure == null ? null : lastConnectionFailure.getSQLState(), lastConnectionFailure);
        if (lastConnectionFailure != null) {
            timeout.setNextException(lastConnectionFailure);
        }
        return timeout;
    }

    @Test
    void aPoolTimeoutWithoutAFailedConnectionAttemptIsOverloadNotOutage() {
        Throwable busy = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                hikariTimeout(null));
        assertThat(DatabaseOutage.isOverload(busy)).isTrue();
        assertThat(DatabaseOutage.isOverload(new CompletionException(new IllegalStateException(busy)))).isTrue();
    }

    @Test
    void aPoolTimeoutAfterARefusedConnectionIsAnOutage() {
        SQLException refused = new SQLException("FATAL: database \"omniops\" is not currently accepting connections",
                "55000");
        Throwable down = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                hikariTimeout(refused));
        assertThat(DatabaseOutage.isOverload(down)).isFalse();
        assertThat(DatabaseOutage.isCause(down)).isTrue();
        assertThat(DatabaseOutage.isOverload(new SQLTransientConnectionException("timed out after 3000ms")))
                .as("not Hikari's pool timeout").isFalse();
        assertThat(DatabaseOutage.isOverload(new RuntimeException(new SQLException("I/O error", "08006")))).isFalse();
    }
}
