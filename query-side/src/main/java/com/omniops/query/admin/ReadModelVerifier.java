package com.omniops.query.admin;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.omniops.projections.support.ReadModel;
import com.omniops.query.admin.ReadModelVerification.TableComparison;
import com.omniops.query.admin.TokenPositions.StoredToken;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.QueryErrorCode;
import com.omniops.support.events.StreamIndex;
import com.omniops.support.tx.Savepoints;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes a read model from the events into a scratch schema and compares it with the live tables, while the live
 * model keeps serving and updating.
 * <ol>
 * <li>In one REPEATABLE READ snapshot: create schema {@code omniops_verify_<random>} with empty copies of the read
 * model's tables (same columns, keys and indexes), copy the live rows next to them ({@code live_<table>}), and read the
 * processor's tokens and dead letters. Tokens and rows commit together in the live processor, so the copy is exactly
 * the result of the events those tokens cover.</li>
 * <li>Replay the stream with the projector's own code, built over a connection whose search path is the scratch
 * schema, applying exactly the events the snapshot's tokens cover (by segment, as the processor splits them) and none
 * that wait in the dead-letter queue.</li>
 * <li>Compare each table both ways with {@code EXCEPT ALL}; drop the scratch schema.</li>
 * </ol>
 * JDBC event store only (the stream is read through the JDBC storage engine).
 */
@Component
public class ReadModelVerifier {

    private static final Logger log = LoggerFactory.getLogger(ReadModelVerifier.class);
    private static final int SAMPLES = 5;
    private static final int EVENTS_PER_TRANSACTION = 500;

    private final VerifiableReadModels models;
    private final EventProcessingConfiguration processing;
    private final ObjectProvider<EventStorageEngine> storageEngine;
    private final TokenPositions tokens;
    private final DataSource dataSource;
    private final Clock clock;

    public ReadModelVerifier(VerifiableReadModels models, EventProcessingConfiguration processing,
                             ObjectProvider<EventStorageEngine> storageEngine, TokenPositions tokens,
                             DataSource dataSource, Clock clock) {
        this.models = models;
        this.clock = clock;
        this.processing = processing;
        this.storageEngine = storageEngine;
        this.tokens = tokens;
        this.dataSource = dataSource;
    }

    public ReadModelVerification verify(String processorName) {
        ReadModel model = models.find(processorName).orElseThrow(() -> new ApiException(
                QueryErrorCode.VERIFY_NOT_SUPPORTED, "No recomputation is defined for processor '" + processorName
                + "'; verifiable: " + models.all().stream().map(ReadModel::processingGroup).toList() + "."));
        EventStorageEngine engine = storageEngine.getIfAvailable();
        if (engine == null) {
            throw new ApiException(QueryErrorCode.VERIFY_NOT_SUPPORTED,
                    "Verification reads the JDBC event store, which this node does not use.");
        }
        Instant started = clock.instant();
        String scratch = "omniops_verify_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection connection = dataSource.getConnection()) {
            try {
                Snapshot snapshot = snapshot(connection, model, scratch);
                Replay replay = replay(connection, model, scratch, snapshot, engine);
                List<TableComparison> tables = compare(connection, model, scratch);
                boolean identical = tables.stream().allMatch(t -> t.onlyInLive() == 0 && t.onlyInRecomputed() == 0);
                return new ReadModelVerification(processorName, identical, started,
                        clock.millis() - started.toEpochMilli(), replay.applied, replay.notYetLive,
                        replay.deadLettered, replay.failures, tables);
            } finally {
                cleanUp(connection, scratch);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Verification of " + processorName + " failed: " + e.getMessage(), e);
        }
    }

    // ---- 1. one consistent snapshot: empty copies, live rows, tokens, dead letters ---------------------------

    private record Snapshot(String liveSchema, List<StoredToken> tokens, Map<String, Long> firstDeadLetter) {
    }

    private Snapshot snapshot(Connection connection, ReadModel model, String scratch) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
            String live = dsl.resultQuery("SELECT current_schema()").fetchOne(0, String.class);
            dsl.createSchema(name(scratch)).execute();
            for (Table<?> t : model.tables()) {
                dsl.execute("CREATE TABLE {0} (LIKE {1} INCLUDING ALL)", table(name(scratch, t.getName())),
                        table(name(live, t.getName())));
                dsl.execute("CREATE TABLE {0} AS SELECT * FROM {1}", table(name(scratch, "live_" + t.getName())),
                        table(name(live, t.getName())));
            }
            List<StoredToken> stored = tokens.read(dsl, model.processingGroup());
            Map<String, Long> firstDeadLetter = new HashMap<>();
            dsl.resultQuery("SELECT aggregateidentifier, min(sequencenumber) FROM deadletterentry "
                            + "WHERE processinggroup = {0} AND aggregateidentifier IS NOT NULL GROUP BY 1",
                            model.processingGroup())
                    .forEach(r -> firstDeadLetter.put(r.get(0, String.class), r.get(1, Long.class)));
            connection.commit();
            return new Snapshot(live, stored, firstDeadLetter);
        } catch (RuntimeException | SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(true);
        }
    }

    // ---- 2. replay exactly the covered events into the scratch tables ------------------------------------------

    private static final class Replay {
        long applied;
        long notYetLive;
        long deadLettered;
        final List<String> failures = new ArrayList<>();
    }

    private Replay replay(Connection connection, ReadModel model, String scratch, Snapshot snapshot,
                          EventStorageEngine engine) throws SQLException {
        try (var set = connection.createStatement()) {
            set.execute("SET search_path TO " + DSL.using(SQLDialect.POSTGRES).render(name(scratch)));
        }
        SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(single);
        DSLContext scratchDsl = DSL.using(new TransactionAwareDataSourceProxy(single), SQLDialect.POSTGRES);
        Object projector = model.projector().apply(scratchDsl, new Savepoints(transactions));
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projector);
        TransactionTemplate batch = new TransactionTemplate(transactions);

        int[] segmentIds = snapshot.tokens().stream().mapToInt(StoredToken::segment).toArray();
        List<Segment> segments = new ArrayList<>();
        List<TrackingToken> covered = new ArrayList<>();
        long highest = -1;
        for (StoredToken t : snapshot.tokens()) {
            segments.add(Segment.computeSegment(t.segment(), segmentIds));
            covered.add(t.token());
            if (t.token() != null && t.token().position().isPresent()) {
                highest = Math.max(highest, t.token().position().getAsLong());
            }
        }
        SequencingPolicy<? super EventMessage<?>> policy = processing.sequencingPolicy(model.processingGroup());
        Replay replay = new Replay();
        List<TrackedEventMessage<?>> pending = new ArrayList<>(EVENTS_PER_TRANSACTION);
        try (Stream<TrackedEventMessage<?>> events = StreamIndex.marked(engine.readEvents(null, false), null)) {
            var it = events.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> event = it.next();
                long position = StreamIndex.of(event).orElse(-1);
                if (position > highest) {
                    break;
                }
                if (!handler.canHandle(event)) {
                    continue;
                }
                if (!coveredByLive(event, position, policy, segments, covered)) {
                    replay.notYetLive++;
                    continue;
                }
                if (behindDeadLetter(event, snapshot.firstDeadLetter())) {
                    replay.deadLettered++;
                    continue;
                }
                pending.add(event);
                if (pending.size() == EVENTS_PER_TRANSACTION) {
                    apply(batch, handler, pending, replay);
                }
            }
        }
        apply(batch, handler, pending, replay);
        return replay;
    }

    private static boolean coveredByLive(TrackedEventMessage<?> event, long position,
                                         SequencingPolicy<? super EventMessage<?>> policy, List<Segment> segments,
                                         List<TrackingToken> covered) {
        Object sequenceId = policy.getSequenceIdentifierFor(event);
        int hash = Objects.hashCode(sequenceId == null ? event.getIdentifier() : sequenceId);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).matches(hash)) {
                return processed(covered.get(i), position);
            }
        }
        return false;
    }

    /**
     * Whether a segment whose stored token is {@code live} has processed the event at global index {@code position}:
     * it has got that far and the index is not one of the gaps it still waits for. Not {@code live.covers(token of
     * position)}: Axon's gap-aware comparison also asks the other token to share every gap below it, so a gap the
     * live token keeps for an index that will never be filled (a transaction that rolled back after taking it, e.g.
     * a command that lost an optimistic-locking race with another node) made every later event look unprocessed.
     */
    static boolean processed(TrackingToken live, long position) {
        TrackingToken progress = live == null ? null : WrappedToken.unwrapLowerBound(live);
        if (progress instanceof GapAwareTrackingToken gapAware) {
            return position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
        }
        return progress != null && progress.covers(GapAwareTrackingToken.newInstance(position, List.of()));
    }

    private static boolean behindDeadLetter(EventMessage<?> event, Map<String, Long> firstDeadLetter) {
        if (event instanceof DomainEventMessage<?> domain) {
            Long first = firstDeadLetter.get(domain.getAggregateIdentifier());
            return first != null && domain.getSequenceNumber() >= first;
        }
        return false;
    }

    private static void apply(TransactionTemplate batch, AnnotationEventHandlerAdapter handler,
                              List<TrackedEventMessage<?>> events, Replay replay) {
        if (events.isEmpty()) {
            return;
        }
        batch.executeWithoutResult(status -> {
            for (TrackedEventMessage<?> event : events) {
                try {
                    handler.handle(event);
                    replay.applied++;
                } catch (Exception e) {
                    // the projector's savepoint rolled its writes back; report, as the live processor dead-letters
                    if (replay.failures.size() < 20) {
                        replay.failures.add(event.getPayloadType().getSimpleName() + " " + event.getIdentifier()
                                + ": " + e.getMessage());
                    }
                }
            }
        });
        events.clear();
    }

    // ---- 3. compare ----------------------------------------------------------------------------------------------

    private List<TableComparison> compare(Connection connection, ReadModel model, String scratch) {
        DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
        List<TableComparison> result = new ArrayList<>();
        for (Table<?> t : model.tables()) {
            Table<Record> recomputed = table(name(scratch, t.getName()));
            Table<Record> live = table(name(scratch, "live_" + t.getName()));
            if (model.isJournal(t)) {
                // a log in applied order: its rows are counted, not compared (ReadModel#journals)
                result.add(new TableComparison(t.getName(), false, dsl.fetchCount(live), dsl.fetchCount(recomputed),
                        0, 0, List.of(), List.of()));
                continue;
            }
            var onlyInLive = dsl.selectFrom(live).exceptAll(dsl.selectFrom(recomputed));
            var onlyInRecomputed = dsl.selectFrom(recomputed).exceptAll(dsl.selectFrom(live));
            result.add(new TableComparison(t.getName(), true, dsl.fetchCount(live), dsl.fetchCount(recomputed),
                    dsl.fetchCount(onlyInLive), dsl.fetchCount(onlyInRecomputed),
                    dsl.selectFrom(onlyInLive.asTable("l")).limit(SAMPLES).fetchMaps(),
                    dsl.selectFrom(onlyInRecomputed.asTable("r")).limit(SAMPLES).fetchMaps()));
        }
        return result;
    }

    private void cleanUp(Connection connection, String scratch) {
        try (var statement = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            statement.execute("RESET search_path");
            statement.execute("DROP SCHEMA IF EXISTS " + DSL.using(SQLDialect.POSTGRES).render(name(scratch))
                    + " CASCADE");
        } catch (SQLException e) {
            log.warn("Could not drop verification schema {}: {}", scratch, e.toString());
        }
    }
}
