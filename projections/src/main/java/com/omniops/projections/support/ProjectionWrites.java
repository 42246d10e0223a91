package com.omniops.projections.support;

import com.omniops.support.tx.Savepoints;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a projector's writes: a batch of statements per processor batch, or one event at a time where that is
 * needed.
 * <p>
 * <b>Batched</b>, inside a streaming processor's batch (one Axon {@link BatchingUnitOfWork}, one transaction): each
 * event's statements ({@link #apply}) are queued, in event order, and executed once, just before the token is
 * committed, as JDBC batches of consecutive statements with the same SQL (so the order of all statements is exactly the
 * event-by-event order, in fewer round trips, without a savepoint per event, and without rendering SQL per event).
 * Work that reads rows or decides on a row count ({@link #now}) first flushes what is queued, then runs in the event's
 * savepoint as before, so it sees every earlier event of the batch.
 * <p>
 * <b>Event by event</b>, each event's statements at once in their own savepoint ({@link Savepoints}), exactly as the
 * projectors always wrote: outside a processor batch (verification's recomputation, dead-letter retries, tests calling
 * a handler directly), and for the events of a batch whose batched writes failed. A queued statement cannot fail in
 * its own event's handler, so the dead-letter queue cannot tell which event is the poison one: a failed flush marks the
 * batch's range of the stream ({@link #eventByEventUpTo}) and fails the batch, whose transaction (token included) rolls
 * back; the pooled processor then releases the segment and processes the same events again (after its error back-off),
 * now event by event, so the failing event is dead-lettered alone and the others are applied, as before batching.
 * Each queued statement therefore has to do, by itself, what its event did: guards in SQL, not in Java.
 */
public final class ProjectionWrites {

    private static final Logger log = LoggerFactory.getLogger(ProjectionWrites.class);

    private final DSLContext dsl;
    private final Savepoints isolated;
    /** Key of the batch's queue among the unit of work's resources: one per projector. */
    private final String resourceKey = ProjectionWrites.class.getName() + "@" + Integer.toHexString(
            System.identityHashCode(this));
    /** Events at or below this position of the stream are applied one by one (a batch with them failed); -1: none. */
    private final AtomicLong eventByEventUpTo = new AtomicLong(-1);
    /** Statements executed from a batch's queue since start (for operations and tests: batching is in use). */
    private final LongAdder batchedStatements = new LongAdder();
    /** The order a flush runs statements in, by SQL text; empty: event order. */
    private final Map<String, Integer> flushOrder;

    public ProjectionWrites(DSLContext dsl, Savepoints isolated) {
        this(dsl, isolated, List.of());
    }

    /**
     * Writes whose flush runs the queued statements grouped by SQL text, in the order given, each group in event
     * order: one JDBC batch per kind of statement instead of one per change of kind. Only for a projector whose
     * statements of one kind give the same result whatever the order of the events between them (inserts keyed by
     * the event, additions, rows that only move forward by a sequence number), and where a kind depends only on kinds
     * listed before it; every statement it queues must be listed.
     */
    public ProjectionWrites(DSLContext dsl, Savepoints isolated, List<String> flushOrder) {
        this.dsl = dsl;
        this.isolated = isolated;
        Map<String, Integer> order = new HashMap<>();
        for (String sql : flushOrder) {
            order.put(sql, order.size());
        }
        this.flushOrder = Map.copyOf(order);
    }

    /** One SQL statement and its bind values; {@code sql} is a constant, so a batch binds it many times. */
    public record Statement(String sql, Object... binds) {
    }

    /** A typed SQL NULL (pgjdbc wants a type for a NULL bind; {@link java.sql.Types}). */
    public record Null(int sqlType) {
    }

    /** A SQL array bind: {@code elementType} is the PostgreSQL element type name ("integer", "varchar", ...). */
    public record Array(String elementType, Object[] elements) {
    }

    /** One event's statements, applied together: queued in a processor batch, else now in the event's savepoint. */
    public void apply(Statement... statements) {
        apply(List.of(statements));
    }

    /** One event's statements, applied together: queued in a processor batch, else now in the event's savepoint. */
    public void apply(List<Statement> statements) {
        Batch batch = batch();
        if (batch == null) {
            isolated.run(() -> execute(statements));
        } else if (batch.failure == null) {
            batch.queued.addAll(statements);
        } // else the batch has failed: it will be rolled back and retried event by event; nothing to do now
    }

    /**
     * Work that reads rows or depends on what it changed: runs now in the event's savepoint, after the statements the
     * batch has queued so far.
     */
    public void now(Runnable work) {
        Batch batch = batch();
        if (batch != null && !batch.flushBeforeRead()) {
            return; // the batch has failed and will be rolled back and retried event by event; nothing to do now
        }
        isolated.run(work);
    }

    /**
     * State a projector keeps for the current processor batch: what the database will hold once the batch's queued
     * statements are flushed, so later events of the batch need not flush and read. {@code load} makes it at the
     * first call of the batch, from every event of the batch (e.g. to read all the rows they touch in one query); it
     * runs like {@link #now}, after the statements queued so far. The state is dropped with the batch, whether it
     * commits or rolls back (a retried batch starts from the database again). Null outside a processor batch, or
     * when the batch has failed: then read the database event by event.
     */
    @SuppressWarnings("unchecked")
    public <T> T batchState(String name, Function<List<? extends Message<?>>, T> load) {
        Batch batch = batch();
        if (batch == null || batch.failure != null) {
            return null;
        }
        Object state = batch.states.get(name);
        if (state == null) {
            AtomicReference<T> loaded = new AtomicReference<>();
            now(() -> loaded.set(load.apply(batch.unitOfWork.getMessages())));
            if (loaded.get() == null) {
                return null; // the flush before the read failed: the batch rolls back
            }
            state = loaded.get();
            batch.states.put(name, state);
        }
        return (T) state;
    }

    /**
     * A batch state that keeps its own changes and writes them when the batch is flushed ({@link #batchState}): the
     * statements {@link #drain} returns run after those queued so far, and the state forgets them. For a projector
     * whose tables are written only through its state, so that the last value of a row, or the sum of many additions
     * to it, is written once per flush instead of once per event.
     */
    public interface WriteBehind {

        /** The statements that bring the database to this state; after the call, none are pending. */
        List<Statement> drain();
    }

    /** After a reset the stream is replayed from its start: the failed range of before means nothing any more. */
    public void reset() {
        eventByEventUpTo.set(-1);
    }

    /** Events at or below this position of the stream are applied one by one; -1 when there are none. */
    public long eventByEventUpTo() {
        return eventByEventUpTo.get();
    }

    /** Statements executed from a processor batch's queue since start. */
    public long batchedStatements() {
        return batchedStatements.sum();
    }

    // ---- the batch of one unit of work ------------------------------------------------------------------------

    /** The current processor batch's queue, or null when this event is to be applied at once. */
    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || !unitOfWork.isRoot()
                || unitOfWork.phase() != UnitOfWork.Phase.STARTED) {
            return null; // e.g. a dead-letter retry: its own unit of work per letter
        }
        Batch started = unitOfWork.getResource(resourceKey);
        if (started != null) {
            // Once this unit of work queues, every later event queues behind (even if another segment's failure has
            // meanwhile widened the event-by-event range): applying one at once would overtake the queued ones. A
            // failed batch is returned too: its transaction is aborted, so the rest must neither write nor fail.
            return started;
        }
        OptionalLong position = position(unitOfWork.getMessage());
        if (position.isEmpty() || position.getAsLong() <= eventByEventUpTo.get()) {
            return null;
        }
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Batch batch = new Batch(batching);
            unitOfWork.onPrepareCommit(u -> batch.flushBeforeCommit());
            return batch;
        });
    }

    private static OptionalLong position(Message<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position();
        }
        return OptionalLong.empty();
    }

    private final class Batch {
        private final BatchingUnitOfWork<?> unitOfWork;
        private final List<Statement> queued = new ArrayList<>();
        private final Map<String, Object> states = new HashMap<>();
        private RuntimeException failure;

        Batch(BatchingUnitOfWork<?> unitOfWork) {
            this.unitOfWork = unitOfWork;
        }

        /** False when the batch has failed (it will roll back); reads then must not run on an aborted transaction. */
        boolean flushBeforeRead() {
            if (failure == null) {
                try {
                    flush();
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
            return failure == null;
        }

        void flushBeforeCommit() {
            if (failure == null) {
                try {
                    flush();
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
            if (failure != null) {
                // Fails the commit: Axon rolls the batch back (token included) and the processor retries it.
                throw failure;
            }
        }

        private void flush() {
            for (Object state : states.values()) {
                if (state instanceof WriteBehind writeBehind) {
                    queued.addAll(writeBehind.drain());
                }
            }
            if (!queued.isEmpty()) {
                execute(flushOrder.isEmpty() ? queued : grouped(queued));
                batchedStatements.add(queued.size());
                queued.clear();
            }
        }

        private void failed(RuntimeException e) {
            failure = e;
            long upTo = -1;
            for (Message<?> message : unitOfWork.getMessages()) {
                upTo = Math.max(upTo, position(message).orElse(-1));
            }
            long range = upTo;
            eventByEventUpTo.accumulateAndGet(range, Math::max);
            log.warn("A batch of projection writes failed ({}); the batch is rolled back and its events up to "
                    + "position {} are applied again one by one, so only a failing event is dead-lettered",
                    rootMessage(e), range);
        }
    }

    /** The database's own words: jOOQ wraps them, and a JDBC batch keeps the statement's error as the next one. */
    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof SQLException sql && sql.getNextException() != null) {
            return sql.getNextException().getMessage();
        }
        return cause.getMessage();
    }

    /** The statements by their kind's place in the flush order, each kind in event order (a stable sort). */
    private List<Statement> grouped(List<Statement> statements) {
        List<Statement> sorted = new ArrayList<>(statements);
        sorted.sort(Comparator.comparingInt(statement -> {
            Integer place = flushOrder.get(statement.sql());
            if (place == null) {
                throw new IllegalStateException("a statement that is not in this projector's flush order: "
                        + statement.sql());
            }
            return place;
        }));
        return sorted;
    }

    // ---- JDBC ---------------------------------------------------------------------------------------------------

    /** Executes the statements in order, consecutive statements with the same SQL as one JDBC batch. */
    private void execute(List<Statement> statements) {
        if (statements.isEmpty()) {
            return;
        }
        dsl.connection(connection -> {
            int from = 0;
            while (from < statements.size()) {
                String sql = statements.get(from).sql();
                int to = from + 1;
                while (to < statements.size() && statements.get(to).sql().equals(sql)) {
                    to++;
                }
                try (PreparedStatement prepared = connection.prepareStatement(sql)) {
                    if (to - from == 1) {
                        bind(connection, prepared, statements.get(from).binds());
                        prepared.executeUpdate();
                    } else {
                        for (int i = from; i < to; i++) {
                            bind(connection, prepared, statements.get(i).binds());
                            prepared.addBatch();
                        }
                        prepared.executeBatch();
                    }
                }
                from = to;
            }
        });
    }

    private static void bind(Connection connection, PreparedStatement prepared, Object[] binds) throws SQLException {
        for (int i = 0; i < binds.length; i++) {
            Object value = binds[i];
            switch (value) {
                case null -> throw new IllegalArgumentException("bind " + (i + 1) + " is an untyped null; use Null");
                case Null n -> prepared.setNull(i + 1, n.sqlType());
                case Array a -> prepared.setArray(i + 1, connection.createArrayOf(a.elementType(), a.elements()));
                default -> prepared.setObject(i + 1, value);
            }
        }
    }
}
