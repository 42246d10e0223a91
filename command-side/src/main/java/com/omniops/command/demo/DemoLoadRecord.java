package com.omniops.command.demo;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import static com.omniops.command.jooq.Tables.DEMO_LOAD;

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

    /** The row's key: the table holds one row at most. */
    private static final short ONLY_ROW = 1;
    /** The database's wall clock at the moment of the statement (now() would be the transaction's start). */
    private static final Field<OffsetDateTime> DATABASE_NOW = DSL.function("clock_timestamp", OffsetDateTime.class);
    /** Axon's event table (not generated: it belongs to Axon, and jOOQ's parser cannot read its script). */
    private static final Field<Long> GLOBAL_INDEX = DSL.field(DSL.name("globalindex"), Long.class);

    private final DataSource dataSource;
    private final DSLContext dsl;
    private Connection lockHolder;

    DemoLoadRecord(DataSource dataSource, DSLContext dsl) {
        this.dataSource = dataSource;
        this.dsl = dsl;
    }

    /** Takes the load lock if it is free (kept until {@link #release()}) and says whether it got it. */
    synchronized boolean tryLock() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (Boolean.TRUE.equals(onLockHolder(connection)
                    .select(DSL.function("pg_try_advisory_lock", Boolean.class, DSL.inline(LOCK_KEY))).fetchOne(0))) {
                lockHolder = connection;
                return true;
            }
        } catch (RuntimeException e) {
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
        try (Connection c = lockHolder) {
            onLockHolder(c).select(DSL.function("pg_advisory_unlock", Boolean.class, DSL.inline(LOCK_KEY))).fetch();
        } catch (SQLException | RuntimeException ignored) {
            // closing the connection drops the session lock anyway
        } finally {
            lockHolder = null;
        }
    }

    /** The lock lives on a connection of its own, outside any transaction, for as long as the load runs. */
    private static DSLContext onLockHolder(Connection connection) {
        return DSL.using(connection, SQLDialect.POSTGRES);
    }

    Optional<Row> read() {
        return dsl.selectFrom(DEMO_LOAD).where(DEMO_LOAD.ID.eq(ONLY_ROW)).fetchOptional(r -> new Row(r.getSeed(),
                r.getDays(), r.getOrdersPerDay(), instant(r.getStartedAt()), r.getProgressDay(),
                instant(r.getProgressAt()), instant(r.getCompletedAt()), r.getOrdersPlaced(), r.getFailure()));
    }

    void started(long seed, int days, int ordersPerDay) {
        dsl.insertInto(DEMO_LOAD)
                .set(DEMO_LOAD.ID, ONLY_ROW)
                .set(DEMO_LOAD.SEED, seed)
                .set(DEMO_LOAD.DAYS, days)
                .set(DEMO_LOAD.ORDERS_PER_DAY, ordersPerDay)
                .set(DEMO_LOAD.STARTED_AT, DATABASE_NOW)
                .set(DEMO_LOAD.PROGRESS_AT, DATABASE_NOW)
                .execute();
    }

    void progress(int day) {
        dsl.update(DEMO_LOAD)
                .set(DEMO_LOAD.PROGRESS_DAY, day)
                .set(DEMO_LOAD.PROGRESS_AT, DATABASE_NOW)
                .where(DEMO_LOAD.ID.eq(ONLY_ROW))
                .execute();
    }

    void completed(int ordersPlaced) {
        dsl.update(DEMO_LOAD)
                .set(DEMO_LOAD.PROGRESS_DAY, DEMO_LOAD.DAYS)
                .set(DEMO_LOAD.PROGRESS_AT, DATABASE_NOW)
                .set(DEMO_LOAD.COMPLETED_AT, DATABASE_NOW)
                .set(DEMO_LOAD.ORDERS_PLACED, ordersPlaced)
                .where(DEMO_LOAD.ID.eq(ONLY_ROW))
                .execute();
    }

    void failed(String failure) {
        String text = failure == null ? "unknown" : failure.length() > 500 ? failure.substring(0, 500) : failure;
        dsl.update(DEMO_LOAD)
                .set(DEMO_LOAD.FAILURE, text)
                .set(DEMO_LOAD.PROGRESS_AT, DATABASE_NOW)
                .where(DEMO_LOAD.ID.eq(ONLY_ROW))
                .execute();
    }

    /** Events in the store, for the progress lines (the global index is dense apart from rolled-back gaps). */
    long events() {
        return dsl.select(DSL.coalesce(DSL.max(GLOBAL_INDEX), 0L)).from(DSL.table(DSL.name("domainevententry")))
                .fetchOne(0, Long.class);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
