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
    void aBadStatementOrAConstraintIsNotAnOutage() {
        assertThat(DatabaseOutage.isCause(new DuplicateKeyException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
    }
}
