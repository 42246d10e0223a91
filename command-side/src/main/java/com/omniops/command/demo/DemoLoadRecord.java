package com.omniops.command.demo;

import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The demo loader's record of its run in table {@code demo_load}: a row written when a load starts, its progress per
 * simulated day, and its completion. While a load runs, its node holds a PostgreSQL session advisory lock on a
 * connection of its own; the lock dies with that connection, so a row without completion whose lock is free belongs
 * to a load that was interrupted (process killed, stopped or failed), never to one still running on another node.
 * Times are the database's wall clock: the demo clock stands in the simulated past during a load.
 */
class DemoLoadRecord {

    /** The advisory lock key of the demo load (any constant unused elsewhere). */
    static final long LOCK_KEY = 0x0DE7_010AL;

    /** What a start finds, and so what it does. */
    enum Decision {
        /** nothing loaded yet: load now */
        LOAD,
        /** a load completed before: nothing to do */
        ALREADY_LOADED,
        /** demo products exist without a record: loaded by a version that kept none; taken as it is */
        LOADED_WITHOUT_RECORD,
        /** a load started and never completed, and its loader is gone: the data is incomplete */
        INTERRUPTED,
        /** another node is loading right now */
        LOADING_ELSEWHERE
    }

    record Row(long seed, int days, int ordersPerDay, Instant startedAt, int progressDay, Instant progressAt,
               Instant completedAt, Integer ordersPlaced, String failure) {
    }

    /** The rule, apart from the database so it can be tested on its own. */
    static Decision decide(boolean lockAcquired, Optional<Row> row, boolean demoProductsExist) {
        if (!lockAcquired) {
            return Decision.LOADING_ELSEWHERE;
        }
        if (row.isPresent()) {
            return row.get().completedAt() != null ? Decision.ALREADY_LOADED : Decision.INTERRUPTED;
        }
        return demoProductsExist ? Decision.LOADED_WITHOUT_RECORD : Decision.LOAD;
    }

    private final DataSource dataSource;
    private Connection lockHolder;

    DemoLoadRecord(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the load lock if it is free (kept until {@link #release()}) and says whether it got it. */
    synchronized boolean tryLock() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            rs.next();
            if (rs.getBoolean(1)) {
                lockHolder = connection;
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return false;
    }

    synchronized void release() {
        if (lockHolder == null) {
            return;
        }
        try (Connection c = lockHolder; Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
        } catch (SQLException ignored) {
            // closing the connection drops the session lock anyway
        } finally {
            lockHolder = null;
        }
    }

    Optional<Row> read() {
        return query(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seed, days, orders_per_day,"
                    + " started_at, progress_day, progress_at, completed_at, orders_placed, failure FROM demo_load"
                    + " WHERE id = 1")) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Integer placed = rs.getObject(8) == null ? null : rs.getInt(8);
                return Optional.of(new Row(rs.getLong(1), rs.getInt(2), rs.getInt(3), instant(rs.getTimestamp(4)),
                        rs.getInt(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), placed,
                        rs.getString(9)));
            }
        });
    }

    void started(long seed, int days, int ordersPerDay) {
        update("INSERT INTO demo_load (id, seed, days, orders_per_day, started_at, progress_at)"
                + " VALUES (1, ?, ?, ?, clock_timestamp(), clock_timestamp())", seed, days, ordersPerDay);
    }

    void progress(int day) {
        update("UPDATE demo_load SET progress_day = ?, progress_at = clock_timestamp() WHERE id = 1", day);
    }

    void completed(int ordersPlaced) {
        update("UPDATE demo_load SET progress_day = days, progress_at = clock_timestamp(),"
                + " completed_at = clock_timestamp(), orders_placed = ? WHERE id = 1", ordersPlaced);
    }

    void failed(String failure) {
        String text = failure == null ? "unknown" : failure.length() > 500 ? failure.substring(0, 500) : failure;
        update("UPDATE demo_load SET failure = ?, progress_at = clock_timestamp() WHERE id = 1", text);
    }

    /** Events in the store, for the progress lines (the global index is dense apart from rolled-back gaps). */
    long events() {
        return query(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT coalesce(max(globalIndex), 0) FROM DomainEventEntry")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void update(String sql, Object... args) {
        query(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T query(Work<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("demo_load: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
